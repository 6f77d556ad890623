package org.backupcatalog.loader;

/**
 * Hears how a load goes: which phase it is in, and the rows written (or handed to the database) so
 * far. Calls may come from several writer threads at once.
 */
public interface LoadListener {

  LoadListener SILENT = new LoadListener() {};

  /** The phases of a load, in order; not every database goes through all of them. */
  enum Phase {
    /** Items are generated and sent, with their volume backups and images. */
    WRITING("writing items"),
    /** Derby: every row is in; the bulk insert sorts them into each index. */
    INDEXING("building indexes"),
    /** The last transaction commits. */
    COMMITTING("committing");

    private final String label;

    Phase(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  default void phase(Phase phase) {}

  /** The running total, never decreasing. */
  default void written(RowCounts soFar) {}
}
