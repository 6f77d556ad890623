package org.backupcatalog.persistence.item;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backupcatalog.api.BackupStatus;
import org.backupcatalog.domain.query.ItemFilter;
import org.backupcatalog.domain.query.Scope;

/**
 * The scope and filters of a query as Criteria predicates over named parameters, and the values of
 * those parameters. Input only ever reaches the database as bound parameters; substring needles
 * have their wildcards escaped so that {@code %}, {@code _} and {@code \} match themselves.
 *
 * <p>Every predicate takes at least one parameter, and each kind of predicate its own names: the
 * names a query binds ({@link #arguments}) are thus its shape, which {@link PageQueries} prepares
 * once. {@link #inScope} and {@link #matching} add a predicate exactly where {@link #arguments}
 * binds its parameters.
 */
final class ItemPredicates {

  static final char ESCAPE = '\\';
  private static final String END = "|";

  private static final String PROJECT = "project";
  private static final String STATUS = "status";
  private static final String NAME = "name";
  private static final String RESOURCE_NAME = "resourceName";
  private static final String AZ = "az";
  private static final String RESOURCE_ID = "resourceId";
  private static final String CHECKPOINT_ID = "checkpointId";
  private static final String POLICY_ID = "policyId";
  private static final String RESOURCE_TYPE = "resourceType";
  private static final String IMAGE_TYPE = "imageType";
  private static final String IP = "ip";
  private static final String START = "start";
  private static final String END_TIME = "end";

  private ItemPredicates() {}

  /**
   * The values of the parameters that {@link #inScope} and {@link #matching} take for {@code scope}
   * and {@code filter}, by name, put into {@code into}.
   */
  static void arguments(Scope scope, ItemFilter f, Map<String, Object> into) {
    scope.projectId().ifPresent(p -> into.put(PROJECT, p.value()));
    int i = 0;
    for (BackupStatus status : f.statuses()) {
      into.put(STATUS + i++, status.wireName());
    }
    like(into, NAME, f.nameContains());
    like(into, RESOURCE_NAME, f.resourceNameContains());
    exactly(into, AZ, f.az());
    exactly(into, RESOURCE_ID, f.resourceId());
    exactly(into, CHECKPOINT_ID, f.checkpointId());
    exactly(into, POLICY_ID, f.policyId());
    exactly(into, RESOURCE_TYPE, f.resourceType());
    exactly(into, IMAGE_TYPE, f.imageType());
    exactly(into, IP, f.ip());
    time(into, START, f.startTime());
    time(into, END_TIME, f.endTime());
  }

  static List<Predicate> inScope(CriteriaBuilder cb, Root<CheckpointItemEntity> item, Scope scope) {
    return scope
        .projectId()
        .map(
            p ->
                List.of(
                    cb.equal(
                        item.get(CheckpointItemEntity_.projectId),
                        cb.parameter(String.class, PROJECT))))
        .orElse(List.of());
  }

  static List<Predicate> matching(
      CriteriaBuilder cb, Root<CheckpointItemEntity> item, ItemFilter f) {
    List<Predicate> where = new ArrayList<>();
    var extendInfo = item.get(CheckpointItemEntity_.extendInfo);
    var backupData = item.get(CheckpointItemEntity_.backupData);
    if (!f.statuses().isEmpty()) {
      List<Expression<String>> statuses = new ArrayList<>();
      for (int i = 0; i < f.statuses().size(); i++) {
        statuses.add(cb.parameter(String.class, STATUS + i));
      }
      where.add(item.get(CheckpointItemEntity_.status).in(statuses.toArray(Expression[]::new)));
    }
    contains(cb, where, item.get(CheckpointItemEntity_.nameFolded), f.nameContains(), NAME);
    contains(
        cb,
        where,
        extendInfo.get(ExtendInfoColumns_.resourceNameFolded),
        f.resourceNameContains(),
        RESOURCE_NAME);
    equal(cb, where, extendInfo.get(ExtendInfoColumns_.resourceAz), f.az(), AZ);
    equal(cb, where, item.get(CheckpointItemEntity_.resourceId), f.resourceId(), RESOURCE_ID);
    equal(cb, where, item.get(CheckpointItemEntity_.checkpointId), f.checkpointId(), CHECKPOINT_ID);
    equal(cb, where, item.get(CheckpointItemEntity_.policyId), f.policyId(), POLICY_ID);
    equal(cb, where, item.get(CheckpointItemEntity_.resourceType), f.resourceType(), RESOURCE_TYPE);
    equal(cb, where, extendInfo.get(ExtendInfoColumns_.imageType), f.imageType(), IMAGE_TYPE);
    if (f.ip() != null) {
      where.add(
          cb.or(
              exactly(cb, backupData.get(BackupDataColumns_.privateIp), IP),
              exactly(cb, backupData.get(BackupDataColumns_.eip), IP)));
    }
    if (f.startTime() != null) {
      where.add(
          cb.greaterThanOrEqualTo(
              item.get(CheckpointItemEntity_.createdAt), cb.parameter(LocalDateTime.class, START)));
    }
    if (f.endTime() != null) {
      where.add(
          cb.lessThanOrEqualTo(
              item.get(CheckpointItemEntity_.createdAt),
              cb.parameter(LocalDateTime.class, END_TIME)));
    }
    return where;
  }

  private static void equal(
      CriteriaBuilder cb, List<Predicate> where, Path<String> column, String value, String name) {
    if (value != null) {
      where.add(exactly(cb, column, name));
    }
  }

  /**
   * Equal to the letter. SQL compares VARCHARs as if padded with spaces, and Derby does, so that
   * {@code ''} would match {@code ' '}; the plain comparison still picks the index, the second one
   * with a closing character decides. Takes the parameters {@code name} and {@code name + "End"}
   * ({@link #exactly(Map, String, String)}).
   */
  private static Predicate exactly(CriteriaBuilder cb, Path<String> column, String name) {
    return cb.and(
        cb.equal(column, cb.parameter(String.class, name)),
        cb.equal(cb.concat(column, END), cb.parameter(String.class, name + "End")));
  }

  private static void exactly(Map<String, Object> into, String name, String value) {
    if (value != null) {
      into.put(name, value);
      into.put(name + "End", value + END);
    }
  }

  private static void contains(
      CriteriaBuilder cb, List<Predicate> where, Path<String> folded, String needle, String name) {
    if (needle != null) {
      where.add(cb.like(folded, cb.parameter(String.class, name), ESCAPE));
    }
  }

  private static void like(Map<String, Object> into, String name, String needle) {
    if (needle != null) {
      into.put(name, "%" + escapeWildcards(needle) + "%");
    }
  }

  private static void time(Map<String, Object> into, String name, Instant time) {
    if (time != null) {
      into.put(name, ColumnForms.utc(time));
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
