package org.backupcatalog.web.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.backupcatalog.api.CheckpointItem;

/**
 * Looks at every list page as it is streamed: its size goes to the {@code catalog_page_items}
 * metric and to the request's log lines, and under {@code all_tenants} the projects whose items it
 * showed go to the audit line.
 */
@ApplicationScoped
public class ListPages {

  private static final Logger LOG = Logger.getLogger(ListPages.class.getName());

  @Inject CatalogMetrics metrics;

  /** A tally for one page of this request; hand it each item, then call {@link Tally#done()}. */
  public Tally tally(HttpServletRequest request, boolean allTenants) {
    return new Tally(request, allTenants);
  }

  /** The items of one page, counted as they go by. */
  public final class Tally implements Consumer<CheckpointItem> {

    private final HttpServletRequest request;
    private final boolean allTenants;
    private final Set<String> projects = new TreeSet<>();
    private int items;

    private Tally(HttpServletRequest request, boolean allTenants) {
      this.request = request;
      this.allTenants = allTenants;
    }

    @Override
    public void accept(CheckpointItem item) {
      items++;
      if (allTenants && item.projectId() != null) {
        projects.add(item.projectId());
      }
    }

    /** The page is read: record it. Recording never fails the answer. */
    public void done() {
      try {
        metrics.pageItems(allTenants, items);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "cannot record a list page", e);
      }
      request.setAttribute(RequestLog.PAGE_ITEMS, items);
      if (allTenants) {
        request.setAttribute(RequestLog.PAGE_PROJECTS, String.join(",", projects));
      }
    }
  }
}
