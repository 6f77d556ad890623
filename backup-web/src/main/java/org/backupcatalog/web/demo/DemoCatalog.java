package org.backupcatalog.web.demo;

import java.util.List;
import java.util.Optional;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.domain.catalog.CheckpointItemCatalog;
import org.backupcatalog.domain.catalog.CheckpointItemIngest;
import org.backupcatalog.domain.catalog.IfMatch;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.domain.query.ItemFilter;
import org.backupcatalog.domain.query.Scope;

/**
 * Fills an empty catalog with the demo data: the hand-made {@link DemoItems} of each demo project
 * and {@value #GENERATED_PER_PROJECT} {@link GeneratedDemoItems} per project, all written through
 * the ingest exactly as a PUT would write them. A catalog that holds anything is left alone, so a
 * restart neither duplicates the demo nor touches real data.
 */
final class DemoCatalog {

  static final int GENERATED_PER_PROJECT = 300;

  /** A fixed seed: every demo shows the same catalog, so the README's answers stay true. */
  static final long SEED = 2025;

  private final CheckpointItemCatalog catalog;
  private final CheckpointItemIngest ingest;

  DemoCatalog(CheckpointItemCatalog catalog, CheckpointItemIngest ingest) {
    this.catalog = catalog;
    this.ingest = ingest;
  }

  /** What was written, or empty when the catalog was not empty. */
  record Filled(int handMade, int generated) {}

  Optional<Filled> fillIfEmpty() {
    if (catalog.count(Scope.allTenants(), ItemFilter.NONE) > 0) {
      return Optional.empty();
    }
    int handMade = 0;
    int generated = 0;
    for (int index = 0; index < DemoProjects.IDS.size(); index++) {
      String id = DemoProjects.IDS.get(index);
      handMade += put(id, DemoItems.of(index));
      generated += put(id, GeneratedDemoItems.of(id, index, GENERATED_PER_PROJECT, SEED));
    }
    return Optional.of(new Filled(handMade, generated));
  }

  private int put(String projectId, List<CheckpointItem> items) {
    ProjectId project = new ProjectId(projectId);
    for (CheckpointItem item : items) {
      ingest.put(project, item.id(), item, IfMatch.NONE);
    }
    return items.size();
  }
}
