package org.backupcatalog.domain.query;

import java.time.Instant;
import java.util.Set;
import org.backupcatalog.api.BackupStatus;

/**
 * The filters of a list or count; a null (or empty set) means "not filtered". Substring filters are
 * already folded with {@code toLowerCase(Locale.ROOT)}, as the stored copies they are matched
 * against.
 */
public record ItemFilter(
    Set<BackupStatus> statuses,
    String nameContains,
    String resourceNameContains,
    String az,
    String resourceId,
    String checkpointId,
    String policyId,
    String resourceType,
    String imageType,
    String ip,
    Instant startTime,
    Instant endTime) {

  public static final ItemFilter NONE =
      new ItemFilter(Set.of(), null, null, null, null, null, null, null, null, null, null, null);

  public ItemFilter {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
  }
}
