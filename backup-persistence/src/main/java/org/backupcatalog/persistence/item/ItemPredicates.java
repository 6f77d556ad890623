package org.backupcatalog.persistence.item;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import org.backupcatalog.api.BackupStatus;
import org.backupcatalog.domain.query.ItemFilter;
import org.backupcatalog.domain.query.Scope;

/**
 * The scope and filters of a query as Criteria predicates. Input only ever reaches the database as
 * bound parameters; substring needles have their wildcards escaped so that {@code %}, {@code _} and
 * {@code \} match themselves.
 */
final class ItemPredicates {

  static final char ESCAPE = '\\';
  private static final String END = "|";

  private ItemPredicates() {}

  static List<Predicate> inScope(CriteriaBuilder cb, Root<CheckpointItemEntity> item, Scope scope) {
    return scope
        .projectId()
        .map(p -> List.of(cb.equal(item.get(CheckpointItemEntity_.projectId), p.value())))
        .orElse(List.of());
  }

  static List<Predicate> matching(
      CriteriaBuilder cb, Root<CheckpointItemEntity> item, ItemFilter f) {
    List<Predicate> where = new ArrayList<>();
    var extendInfo = item.get(CheckpointItemEntity_.extendInfo);
    var backupData = item.get(CheckpointItemEntity_.backupData);
    if (!f.statuses().isEmpty()) {
      where.add(
          item.get(CheckpointItemEntity_.status)
              .in(f.statuses().stream().map(BackupStatus::wireName).toList()));
    }
    contains(cb, where, item.get(CheckpointItemEntity_.nameFolded), f.nameContains());
    contains(
        cb, where, extendInfo.get(ExtendInfoColumns_.resourceNameFolded), f.resourceNameContains());
    equal(cb, where, extendInfo.get(ExtendInfoColumns_.resourceAz), f.az());
    equal(cb, where, item.get(CheckpointItemEntity_.resourceId), f.resourceId());
    equal(cb, where, item.get(CheckpointItemEntity_.checkpointId), f.checkpointId());
    equal(cb, where, item.get(CheckpointItemEntity_.policyId), f.policyId());
    equal(cb, where, item.get(CheckpointItemEntity_.resourceType), f.resourceType());
    equal(cb, where, extendInfo.get(ExtendInfoColumns_.imageType), f.imageType());
    if (f.ip() != null) {
      where.add(
          cb.or(
              exactly(cb, backupData.get(BackupDataColumns_.privateIp), f.ip()),
              exactly(cb, backupData.get(BackupDataColumns_.eip), f.ip())));
    }
    if (f.startTime() != null) {
      where.add(
          cb.greaterThanOrEqualTo(
              item.get(CheckpointItemEntity_.createdAt), ColumnForms.utc(f.startTime())));
    }
    if (f.endTime() != null) {
      where.add(
          cb.lessThanOrEqualTo(
              item.get(CheckpointItemEntity_.createdAt), ColumnForms.utc(f.endTime())));
    }
    return where;
  }

  private static void equal(
      CriteriaBuilder cb, List<Predicate> where, Path<String> column, String value) {
    if (value != null) {
      where.add(exactly(cb, column, value));
    }
  }

  /**
   * Equal to the letter. SQL compares VARCHARs as if padded with spaces, and Derby does, so that
   * {@code ''} would match {@code ' '}; the plain comparison still picks the index, the second one
   * with a closing character decides.
   */
  static Predicate exactly(CriteriaBuilder cb, Path<String> column, String value) {
    return cb.and(cb.equal(column, value), cb.equal(cb.concat(column, END), value + END));
  }

  private static void contains(
      CriteriaBuilder cb, List<Predicate> where, Path<String> folded, String needle) {
    if (needle != null) {
      where.add(cb.like(folded, "%" + escapeWildcards(needle) + "%", ESCAPE));
    }
  }

  static String escapeWildcards(String needle) {
    StringBuilder escaped = new StringBuilder(needle.length() + 8);
    for (char c : needle.toCharArray()) {
      if (c == ESCAPE || c == '%' || c == '_') {
        escaped.append(ESCAPE);
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
