package org.backupcatalog.persistence.item;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.domain.catalog.CheckpointItemPage;
import org.backupcatalog.domain.catalog.CheckpointItemRepository;
import org.backupcatalog.domain.catalog.IfMatch;
import org.backupcatalog.domain.catalog.WriteResult;
import org.backupcatalog.domain.item.ItemId;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.domain.item.StoredCheckpointItem;
import org.backupcatalog.domain.query.ItemFilter;
import org.backupcatalog.domain.query.ListQuery;
import org.backupcatalog.domain.query.Scope;

/**
 * What the container does around the repository: a new persistence context and a transaction per
 * call, rolled back when the call throws.
 */
public final class TransactionalRepository implements CheckpointItemRepository {

  private final EntityManagerFactory emf;

  public TransactionalRepository(EntityManagerFactory emf) {
    this.emf = emf;
  }

  private <T> T inTransaction(Function<CheckpointItemRepository, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(new JpaCheckpointItemRepository(em));
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  @Override
  public CheckpointItemPage list(ListQuery query) {
    return inTransaction(r -> r.list(query));
  }

  @Override
  public long count(Scope scope, ItemFilter filter) {
    return inTransaction(r -> r.count(scope, filter));
  }

  @Override
  public Optional<StoredCheckpointItem> find(Scope scope, ItemId id) {
    return inTransaction(r -> r.find(scope, id));
  }

  @Override
  public WriteResult save(CheckpointItem item, IfMatch ifMatch) {
    return inTransaction(r -> r.save(item, ifMatch));
  }

  /** Stores many items in one transaction: how the property tests fill a catalog quickly. */
  public void saveAll(List<CheckpointItem> items) {
    inTransaction(
        r -> {
          items.forEach(i -> r.save(i, IfMatch.NONE));
          return null;
        });
  }

  @Override
  public boolean delete(ProjectId project, ItemId id) {
    return inTransaction(r -> r.delete(project, id));
  }
}
