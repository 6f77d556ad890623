package org.backupcatalog.web.operations;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.backupcatalog.domain.query.QueryParameters;

/**
 * Looks at every list page the API returns (a page was returned, so its parameters were valid): its
 * size goes to the {@code catalog_page_items} metric and to the request's log lines, and under
 * {@code all_tenants} the projects whose items it showed go to the audit line.
 */
@Provider
public class PageObserver implements ContainerResponseFilter {

  private static final Logger LOG = Logger.getLogger(PageObserver.class.getName());

  @Inject CatalogMetrics metrics;

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    try {
      observe(request, response);
    } catch (RuntimeException e) {
      // Observing never fails the answer.
      LOG.log(Level.WARNING, "cannot observe a list page", e);
    }
  }

  private void observe(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(response.getEntity() instanceof JsonObject body)
        || !(body.get("checkpoint_items") instanceof JsonArray items)) {
      return;
    }
    Set<String> projects = new TreeSet<>();
    for (JsonValue item : items) {
      if (item instanceof JsonObject object
          && object.get("project_id") instanceof JsonString project) {
        projects.add(project.getString());
      }
    }
    metrics.pageItems(
        QueryParameters.of(request.getUriInfo().getQueryParameters()).allTenants(), items.size());
    servletRequest.setAttribute(RequestLog.PAGE_ITEMS, items.size());
    if (!projects.isEmpty()) {
      servletRequest.setAttribute(RequestLog.PAGE_PROJECTS, String.join(",", projects));
    }
  }
}
