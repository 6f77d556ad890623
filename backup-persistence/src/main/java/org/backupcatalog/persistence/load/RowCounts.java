package org.backupcatalog.persistence.load;

/** The items a load, or one of its writers, wrote, and the volume backups and images in them. */
record RowCounts(long items, long volumeBackups, long images) {

  /** One item, and the volume backups and images it holds. */
  static RowCounts of(Backup backup) {
    return new RowCounts(1, backup.diskBackups().size(), backup.osImageId() == null ? 0 : 1);
  }

  RowCounts plus(RowCounts other) {
    return new RowCounts(
        items + other.items, volumeBackups + other.volumeBackups, images + other.images);
  }
}
