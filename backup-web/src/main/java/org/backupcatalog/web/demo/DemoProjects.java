package org.backupcatalog.web.demo;

import java.util.List;

/**
 * The projects of the demo mode. The demo data is loaded into these and the demo tokens printed at
 * start are issued for them, so that every printed {@code curl} line finds items.
 */
public final class DemoProjects {

  public static final List<String> IDS =
      List.of("demo-project-a", "demo-project-b", "demo-project-c");

  private DemoProjects() {}
}
