package org.backupcatalog.web.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.domain.catalog.CheckpointItemIngest;
import org.backupcatalog.domain.catalog.IfMatch;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.persistence.load.BulkLoad;
import org.backupcatalog.persistence.load.LoadReport;

/**
 * Fills an empty catalog with the demo data: the hand-made {@link DemoItems} of each demo project,
 * written through the ingest exactly as a PUT would write them, then {@value #GENERATED_ITEMS}
 * generated items spread over the same projects by the bulk loader. A catalog that holds anything
 * is left alone, so a restart neither duplicates the demo nor touches real data.
 */
final class DemoCatalog {

  static final int GENERATED_ITEMS = 3_000;

  /** Generated ids are this and eight hex digits, never like the hand-made {@code demo-a-0001}. */
  static final String GENERATED_PREFIX = "demo-";

  /** A fixed seed: every demo shows the same catalog, so the README's answers stay true. */
  static final long SEED = 2025;

  private final DataSource dataSource;
  private final CheckpointItemIngest ingest;

  DemoCatalog(DataSource dataSource, CheckpointItemIngest ingest) {
    this.dataSource = dataSource;
    this.ingest = ingest;
  }

  /** What was written, or empty when the catalog was not empty. */
  record Filled(int handMade, LoadReport generated) {}

  Optional<Filled> fillIfEmpty() throws SQLException {
    if (!isEmpty()) {
      return Optional.empty();
    }
    int handMade = 0;
    for (int index = 0; index < DemoProjects.IDS.size(); index++) {
      ProjectId project = new ProjectId(DemoProjects.IDS.get(index));
      List<CheckpointItem> items = DemoItems.of(index);
      for (CheckpointItem item : items) {
        ingest.put(project, item.id(), item, IfMatch.NONE);
      }
      handMade += items.size();
    }
    LoadReport generated =
        BulkLoad.of(GENERATED_ITEMS, DemoProjects.IDS)
            .withIdPrefix(GENERATED_PREFIX)
            .withSeed(SEED)
            .into(dataSource);
    return Optional.of(new Filled(handMade, generated));
  }

  private boolean isEmpty() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT id FROM checkpoint_item FETCH FIRST 1 ROWS ONLY");
        ResultSet rs = s.executeQuery()) {
      return !rs.next();
    }
  }
}
