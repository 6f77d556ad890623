package org.backupcatalog.persistence.load;

/** The rows a load, or one of its writers, wrote into each table. */
record RowCounts(long items, long volumeBackups, long images) {

  RowCounts plus(RowCounts other) {
    return new RowCounts(
        items + other.items, volumeBackups + other.volumeBackups, images + other.images);
  }
}
