package org.backupcatalog.domain.item;

import org.backupcatalog.api.CheckpointItem;

/**
 * An item as the catalog holds it, with the entity tag of its current revision. The tag changes on
 * every write, so a writer that read revision N cannot overwrite revision N+1 by mistake.
 */
public record StoredCheckpointItem(CheckpointItem item, String etag) {}
