package org.backupcatalog.loader;

/** Items a load, or one of its writers, wrote, and the volume backups and images they hold. */
public record RowCounts(long items, long volumeBackups, long images) {

  public static final RowCounts NONE = new RowCounts(0, 0, 0);

  /** One item, and the volume backups and images it holds. */
  static RowCounts of(Backup backup) {
    return new RowCounts(1, backup.diskBackups().size(), backup.osImageId() == null ? 0 : 1);
  }

  RowCounts plus(RowCounts other) {
    return new RowCounts(
        items + other.items, volumeBackups + other.volumeBackups, images + other.images);
  }
}
