package org.backupcatalog.persistence.item;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
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
import org.eclipse.persistence.jpa.JpaQuery;
import org.eclipse.persistence.queries.CursoredStream;

/**
 * The catalog in a relational database, through JPA Criteria queries over the static metamodel. An
 * item is one row, so a list page is one statement whatever its size (two after a marker: the
 * marker's row first), a single item one, and a write changes one row.
 */
@ApplicationScoped
@Transactional
public class JpaCheckpointItemRepository implements CheckpointItemRepository {

  @PersistenceContext(unitName = "backup")
  private EntityManager em;

  protected JpaCheckpointItemRepository() {}

  /** For use outside a container, where the caller runs each call in a transaction. */
  public JpaCheckpointItemRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public CheckpointItemPage list(ListQuery query) {
    List<CheckpointItem> items = new ArrayList<>();
    boolean more = stream(query, items::add);
    return new CheckpointItemPage(items, more);
  }

  /**
   * Reads the page through a forward-only cursor, a few rows fetched at a time: each item is handed
   * over and forgotten before the next is read. The query selects the item's columns, not the
   * entity, so that no row is built as an entity, cached or tracked ({@link
   * CheckpointItemEntity#pageSelection}). One row more than the page tells whether more follow.
   */
  @Override
  public boolean stream(ListQuery query, Consumer<CheckpointItem> each) {
    PageRequest page = query.page();
    String marker = page.marker();
    if (marker != null && !ItemId.isWellFormed(marker)) {
      throw InvalidParameterException.markerNotFound();
    }
    MarkerRow markerRow = marker == null ? null : markerRow(query.scope(), marker);
    // Nothing lies beyond 2^31 items; JPA's int arithmetic would overflow on the way there.
    if ((long) page.offset() + page.limit() + 1 > Integer.MAX_VALUE) {
      return false;
    }
    CursoredStream rows =
        (CursoredStream)
            PageQueries.of(em)
                .page(em, query, markerRow, page.offset(), page.limit() + 1)
                .unwrap(JpaQuery.class)
                .getResultCursor();
    try {
      for (int handed = 0; rows.hasNext(); handed++) {
        Object[] row = (Object[]) rows.next();
        if (handed == page.limit()) {
          return true;
        }
        each.accept(CheckpointItemEntity.item(new SelectedColumns(row)));
        // The stream keeps what it has read until told: a page's rows would pile up.
        rows.releasePrevious();
      }
      return false;
    } finally {
      rows.close();
    }
  }

  /**
   * The marker's row, read before the page so that its sort values reach the page's query as bound
   * parameters, which bound the index scan on PostgreSQL too. Joined into the page's query instead,
   * they made PostgreSQL scan the project from its first item and filter out every item before the
   * marker: a deep page cost as much as an OFFSET. As scalar subqueries, Derby flattened them into
   * such a join as well (90,026 index rows read and sorted for a page 10,000 deep).
   */
  private MarkerRow markerRow(Scope scope, String marker) {
    MarkerRow row = PageQueries.of(em).marker(em, marker);
    if (row == null || !row.isIn(scope)) {
      throw InvalidParameterException.markerNotFound();
    }
    return row;
  }

  @Override
  public long count(Scope scope, ItemFilter filter) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> cq = cb.createQuery(Long.class);
    Root<CheckpointItemEntity> item = cq.from(CheckpointItemEntity.class);
    List<Predicate> where = new ArrayList<>(ItemPredicates.inScope(cb, item, scope));
    where.addAll(ItemPredicates.matching(cb, item, filter));
    TypedQuery<Long> counted =
        em.createQuery(cq.select(cb.count(item)).where(where.toArray(Predicate[]::new)));
    Map<String, Object> arguments = new HashMap<>();
    ItemPredicates.arguments(scope, filter, arguments);
    arguments.forEach(counted::setParameter);
    return counted.getSingleResult();
  }

  @Override
  public Optional<StoredCheckpointItem> find(Scope scope, ItemId id) {
    CheckpointItemEntity row = em.find(CheckpointItemEntity.class, id.value());
    if (row == null || !row.isIn(scope)) {
      return Optional.empty();
    }
    return Optional.of(new StoredCheckpointItem(row.item(), row.revision()));
  }

  @Override
  public WriteResult save(CheckpointItem item, IfMatch ifMatch) {
    // The row lock makes check-then-write atomic: of two writers holding the same ETag, one wins.
    CheckpointItemEntity row =
        em.find(CheckpointItemEntity.class, item.id(), LockModeType.PESSIMISTIC_WRITE);
    if (row != null && !row.projectId().equals(item.projectId())) {
      throw new InvalidParameterException("id", "is already used by another project");
    }
    if (!ifMatch.admits(row == null ? null : row.revision())) {
      throw new PreconditionFailedException(item.id());
    }
    boolean created = row == null;
    String revision = UUID.randomUUID().toString();
    if (created) {
      row = new CheckpointItemEntity(item, revision);
    } else {
      // Updated in place, so that the row lock other writers wait on stays valid.
      row.replaceWith(item, revision);
    }
    try {
      if (created) {
        em.persist(row);
      }
      em.flush();
    } catch (PersistenceException e) {
      if (created) {
        throw new ConcurrentCreationException(item.id(), e);
      }
      throw e;
    }
    return new WriteResult(new StoredCheckpointItem(row.item(), row.revision()), created);
  }

  @Override
  public boolean delete(ProjectId project, ItemId id) {
    CheckpointItemEntity row =
        em.find(CheckpointItemEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE);
    if (row == null || !row.projectId().equals(project.value())) {
      return false;
    }
    em.remove(row);
    return true;
  }
}
