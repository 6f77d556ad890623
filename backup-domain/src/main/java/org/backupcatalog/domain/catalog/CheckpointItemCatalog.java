package org.backupcatalog.domain.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.domain.CheckpointItemNotFoundException;
import org.backupcatalog.domain.item.ItemId;
import org.backupcatalog.domain.item.StoredCheckpointItem;
import org.backupcatalog.domain.query.ItemFilter;
import org.backupcatalog.domain.query.ListQuery;
import org.backupcatalog.domain.query.QueryParameters;
import org.backupcatalog.domain.query.Scope;

/** The read side: lists, counts and single items, always within a scope decided by the caller. */
@ApplicationScoped
public class CheckpointItemCatalog {

  private CheckpointItemRepository repository;

  protected CheckpointItemCatalog() {}

  @Inject
  public CheckpointItemCatalog(CheckpointItemRepository repository) {
    this.repository = repository;
  }

  /** A page of a query the edge has parsed and checked ({@link QueryParameters}). */
  public CheckpointItemPage list(ListQuery query) {
    return repository.list(query);
  }

  /** The page item by item as it is read; whether more items follow it. */
  public boolean stream(ListQuery query, Consumer<CheckpointItem> each) {
    return repository.stream(query, each);
  }

  public long count(Scope scope, ItemFilter filter) {
    return repository.count(scope, filter);
  }

  /** A malformed id cannot exist, so it reads as not found rather than as a bad parameter. */
  public StoredCheckpointItem get(Scope scope, String id) {
    if (!ItemId.isWellFormed(id)) {
      throw new CheckpointItemNotFoundException(id);
    }
    return repository
        .find(scope, new ItemId(id))
        .orElseThrow(() -> new CheckpointItemNotFoundException(id));
  }
}
