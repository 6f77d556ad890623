package org.backupcatalog.domain.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.domain.CheckpointItemNotFoundException;
import org.backupcatalog.domain.item.CheckpointItemDefaults;
import org.backupcatalog.domain.item.ItemId;
import org.backupcatalog.domain.item.ProjectId;

/**
 * The write side, fed by the backup engine: whole-item upserts and deletes. A PUT is idempotent, so
 * when two writers create the same id at once the loser simply tries again as a replacement.
 */
@ApplicationScoped
public class CheckpointItemIngest {

  private static final int ATTEMPTS = 3;

  private CheckpointItemRepository repository;
  private Clock clock;

  protected CheckpointItemIngest() {}

  @Inject
  public CheckpointItemIngest(CheckpointItemRepository repository) {
    this(repository, Clock.systemUTC());
  }

  public CheckpointItemIngest(CheckpointItemRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public WriteResult put(ProjectId project, String id, CheckpointItem reported, IfMatch ifMatch) {
    CheckpointItem item =
        CheckpointItemDefaults.complete(reported, new ItemId(id), project, clock.instant());
    for (int attempt = 1; ; attempt++) {
      try {
        return repository.save(item, ifMatch);
      } catch (ConcurrentCreationException lostRace) {
        if (attempt == ATTEMPTS) {
          throw lostRace;
        }
      }
    }
  }

  public void delete(ProjectId project, String id) {
    if (!ItemId.isWellFormed(id) || !repository.delete(project, new ItemId(id))) {
      throw new CheckpointItemNotFoundException(id);
    }
  }
}
