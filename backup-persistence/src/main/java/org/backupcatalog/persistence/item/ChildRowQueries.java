package org.backupcatalog.persistence.item;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/**
 * Reads and removes the child rows of items. A page's rows come in one statement per kind, whatever
 * the page size, instead of one statement per item.
 */
final class ChildRowQueries<R> {

  static final ChildRowQueries<VolumeBackupRow> VOLUME_BACKUPS =
      new ChildRowQueries<>(
          VolumeBackupRow.class, VolumeBackupRow_.itemId, VolumeBackupRow_.position, v -> v.itemId);
  static final ChildRowQueries<ImageRow> IMAGES =
      new ChildRowQueries<>(ImageRow.class, ImageRow_.itemId, ImageRow_.position, i -> i.itemId);

  private final Class<R> type;
  private final SingularAttribute<R, String> itemId;
  private final SingularAttribute<R, Integer> position;
  private final Function<R, String> idOf;

  private ChildRowQueries(
      Class<R> type,
      SingularAttribute<R, String> itemId,
      SingularAttribute<R, Integer> position,
      Function<R, String> idOf) {
    this.type = type;
    this.itemId = itemId;
    this.position = position;
    this.idOf = idOf;
  }

  /** The rows of the given items, grouped by item, each group in list order. */
  Map<String, List<R>> of(EntityManager em, Collection<String> itemIds) {
    Map<String, List<R>> byItem = new HashMap<>();
    if (itemIds.isEmpty()) {
      return byItem;
    }
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<R> cq = cb.createQuery(type);
    Root<R> row = cq.from(type);
    cq.select(row)
        .where(row.get(itemId).in(itemIds))
        .orderBy(cb.asc(row.get(itemId)), cb.asc(row.get(position)));
    for (R r : em.createQuery(cq).setHint(QueryHints.READ_ONLY, HintValues.TRUE).getResultList()) {
      byItem.computeIfAbsent(idOf.apply(r), k -> new ArrayList<>()).add(r);
    }
    return byItem;
  }

  void deleteOf(EntityManager em, String id) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaDelete<R> delete = cb.createCriteriaDelete(type);
    Root<R> row = delete.from(type);
    em.createQuery(delete.where(cb.equal(row.get(itemId), id))).executeUpdate();
  }
}
