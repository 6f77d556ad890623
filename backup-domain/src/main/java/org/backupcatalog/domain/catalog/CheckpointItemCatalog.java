package org.backupcatalog.domain.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.backupcatalog.domain.CheckpointItemNotFoundException;
import org.backupcatalog.domain.item.ItemId;
import org.backupcatalog.domain.item.StoredCheckpointItem;
import org.backupcatalog.domain.query.QueryParameters;
import org.backupcatalog.domain.query.Scope;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The read side: lists, counts and single items, always within a scope decided by the caller. */
@ApplicationScoped
public class CheckpointItemCatalog {

  private CheckpointItemRepository repository;
  private int maxLimit;

  protected CheckpointItemCatalog() {}

  @Inject
  public CheckpointItemCatalog(
      CheckpointItemRepository repository,
      @ConfigProperty(name = "backup.query.max-limit", defaultValue = "1000") int maxLimit) {
    this.repository = repository;
    this.maxLimit = maxLimit;
  }

  public CheckpointItemPage list(Scope scope, QueryParameters parameters) {
    return repository.list(parameters.listQuery(scope, maxLimit));
  }

  public long count(Scope scope, QueryParameters parameters) {
    return repository.count(scope, parameters.filter());
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
