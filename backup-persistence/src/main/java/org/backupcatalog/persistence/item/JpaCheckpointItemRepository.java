package org.backupcatalog.persistence.item;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.domain.InvalidParameterException;
import org.backupcatalog.domain.PreconditionFailedException;
import org.backupcatalog.domain.catalog.CheckpointItemPage;
import org.backupcatalog.domain.catalog.CheckpointItemRepository;
import org.backupcatalog.domain.catalog.ConcurrentCreationException;
import org.backupcatalog.domain.catalog.IfMatch;
import org.backupcatalog.domain.catalog.WriteResult;
import org.backupcatalog.domain.item.ItemId;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.domain.item.StoredCheckpointItem;
import org.backupcatalog.domain.query.ItemFilter;
import org.backupcatalog.domain.query.ListQuery;
import org.backupcatalog.domain.query.PageRequest;
import org.backupcatalog.domain.query.Scope;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/**
 * The catalog in a relational database, through JPA Criteria queries over the static metamodel. A
 * list page costs at most three statements whatever its size: the items, then their volume backups
 * and their images, each in one batch; a page after a marker costs one more, the marker's row.
 */
@ApplicationScoped
@Transactional
public class JpaCheckpointItemRepository implements CheckpointItemRepository {

  private static final int READ_ATTEMPTS = 50;

  @PersistenceContext(unitName = "backup")
  private EntityManager em;

  protected JpaCheckpointItemRepository() {}

  /** For use outside a container, where the caller runs each call in a transaction. */
  public JpaCheckpointItemRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public CheckpointItemPage list(ListQuery query) {
    return consistently(() -> page(query));
  }

  /**
   * Reads again while a write committed between reading rows and reading their children (which
   * {@link CheckpointItemEntity#holds} tells): rare, and never more than a few times in a row.
   */
  private <T> T consistently(Supplier<Optional<T>> read) {
    for (int attempt = 1; ; attempt++) {
      Optional<T> result = read.get();
      if (result.isPresent()) {
        return result.get();
      }
      if (attempt == READ_ATTEMPTS) {
        throw new IllegalStateException(
            "Items kept changing while they were read, " + READ_ATTEMPTS + " times in a row");
      }
      em.clear();
      pause(attempt);
    }
  }

  /** Lets the competing write finish: on Derby a reader waits for a writer's locks anyway. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(1, 2 + Math.min(attempt, 10)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading", e);
    }
  }

  private Optional<CheckpointItemPage> page(ListQuery query) {
    PageRequest page = query.page();
    String marker = page.marker();
    if (marker != null && !ItemId.isWellFormed(marker)) {
      throw InvalidParameterException.markerNotFound();
    }
    CheckpointItemEntity markerRow = marker == null ? null : markerRow(query.scope(), marker);
    List<CheckpointItemEntity> rows = List.of();
    // Nothing lies beyond 2^31 items; JPA's int arithmetic would overflow on the way there.
    if ((long) page.offset() + page.limit() + 1 <= Integer.MAX_VALUE) {
      rows =
          em.createQuery(pageQuery(query, markerRow))
              // Pages are read, never changed: skip the unit of work's copies and change tracking.
              .setHint(QueryHints.READ_ONLY, HintValues.TRUE)
              .setFirstResult(page.offset())
              .setMaxResults(page.limit() + 1)
              .getResultList();
    }
    boolean more = rows.size() > page.limit();
    return withChildren(rows.stream().limit(page.limit()).toList())
        .map(items -> new CheckpointItemPage(items, more));
  }

  /** Two more statements for the whole page, not two per item; empty when a write came between. */
  private Optional<List<CheckpointItem>> withChildren(List<CheckpointItemEntity> rows) {
    List<String> ids = rows.stream().map(r -> r.id).toList();
    Map<String, List<VolumeBackupRow>> volumes = ChildRowQueries.VOLUME_BACKUPS.of(em, ids);
    Map<String, List<ImageRow>> images = ChildRowQueries.IMAGES.of(em, ids);
    List<CheckpointItem> items = new ArrayList<>(rows.size());
    for (CheckpointItemEntity r : rows) {
      List<VolumeBackupRow> v = volumes.getOrDefault(r.id, List.of());
      List<ImageRow> i = images.getOrDefault(r.id, List.of());
      if (!r.holds(v, i)) {
        return Optional.empty();
      }
      items.add(CheckpointItemRows.item(r, v, i));
    }
    return Optional.of(items);
  }

  /**
   * The marker's row, read before the page so that its sort values reach the page's query as bound
   * parameters, which bound the index scan on PostgreSQL too. Joined into the page's query instead,
   * they made PostgreSQL scan the project from its first item and filter out every item before the
   * marker: a deep page cost as much as an OFFSET.
   */
  private CheckpointItemEntity markerRow(Scope scope, String marker) {
    CheckpointItemEntity row = em.find(CheckpointItemEntity.class, marker);
    if (row == null || !(scope.isAllTenants() || row.projectId.equals(scope.project().value()))) {
      throw InvalidParameterException.markerNotFound();
    }
    return row;
  }

  private CriteriaQuery<CheckpointItemEntity> pageQuery(
      ListQuery query, CheckpointItemEntity markerRow) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<CheckpointItemEntity> cq = cb.createQuery(CheckpointItemEntity.class);
    Root<CheckpointItemEntity> item = cq.from(CheckpointItemEntity.class);
    List<Predicate> where = new ArrayList<>(ItemPredicates.inScope(cb, item, query.scope()));
    where.addAll(ItemPredicates.matching(cb, item, query.filter()));
    if (markerRow != null) {
      where.add(Keyset.after(cb, item, markerRow, query.order().terms()));
    }
    return cq.select(item)
        .where(where.toArray(Predicate[]::new))
        .orderBy(Keyset.orderBy(cb, item, query.order().terms()));
  }

  @Override
  public long count(Scope scope, ItemFilter filter) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> cq = cb.createQuery(Long.class);
    Root<CheckpointItemEntity> item = cq.from(CheckpointItemEntity.class);
    List<Predicate> where = new ArrayList<>(ItemPredicates.inScope(cb, item, scope));
    where.addAll(ItemPredicates.matching(cb, item, filter));
    return em.createQuery(cq.select(cb.count(item)).where(where.toArray(Predicate[]::new)))
        .getSingleResult();
  }

  @Override
  public Optional<StoredCheckpointItem> find(Scope scope, ItemId id) {
    return consistently(
        () -> {
          CheckpointItemEntity row = em.find(CheckpointItemEntity.class, id.value());
          if (row == null
              || !(scope.isAllTenants() || row.projectId.equals(scope.project().value()))) {
            return Optional.of(Optional.empty());
          }
          return withChildren(List.of(row))
              .map(items -> Optional.of(new StoredCheckpointItem(items.get(0), row.revision)));
        });
  }

  @Override
  public WriteResult save(CheckpointItem item, IfMatch ifMatch) {
    // The row lock makes check-then-write atomic: of two writers holding the same ETag, one wins.
    CheckpointItemEntity row =
        em.find(CheckpointItemEntity.class, item.id(), LockModeType.PESSIMISTIC_WRITE);
    if (row != null && !row.projectId.equals(item.projectId())) {
      throw new InvalidParameterException("id", "is already used by another project");
    }
    if (!ifMatch.admits(row == null ? null : row.revision)) {
      throw new PreconditionFailedException(item.id());
    }
    boolean created = row == null;
    if (created) {
      row = new CheckpointItemEntity();
    } else {
      // Updated in place, so that the row lock other writers wait on stays valid; the children
      // are replaced whole, removed before the new rows take their (item, position) keys.
      ChildRowQueries.VOLUME_BACKUPS.deleteOf(em, item.id());
      ChildRowQueries.IMAGES.deleteOf(em, item.id());
    }
    CheckpointItemRows.fill(row, item, UUID.randomUUID().toString());
    try {
      if (created) {
        em.persist(row);
      }
      // The item's row first: the children's foreign key needs it.
      em.flush();
    } catch (PersistenceException e) {
      if (created) {
        throw new ConcurrentCreationException(item.id(), e);
      }
      throw e;
    }
    List<VolumeBackupRow> volumes = ChildRows.volumeBackupRows(item, row.revision);
    List<ImageRow> images = ChildRows.imageRows(item, row.revision);
    volumes.forEach(em::persist);
    images.forEach(em::persist);
    em.flush();
    return new WriteResult(
        new StoredCheckpointItem(CheckpointItemRows.item(row, volumes, images), row.revision),
        created);
  }

  @Override
  public boolean delete(ProjectId project, ItemId id) {
    CheckpointItemEntity row =
        em.find(CheckpointItemEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE);
    if (row == null || !row.projectId.equals(project.value())) {
      return false;
    }
    // The children follow by the foreign keys' ON DELETE CASCADE, in the same statement.
    em.remove(row);
    return true;
  }
}
