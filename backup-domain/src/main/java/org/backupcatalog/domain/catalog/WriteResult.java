package org.backupcatalog.domain.catalog;

import org.backupcatalog.domain.item.StoredCheckpointItem;

/** What a write stored, and whether it created the item or replaced it. */
public record WriteResult(StoredCheckpointItem stored, boolean created) {}
