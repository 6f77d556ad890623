package org.backupcatalog.web.operations;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route a request path belongs to, as its template ({@code /v1/{project_id}/checkpoint_items}),
 * for metric labels and log lines: a bounded set of values whatever the paths clients send (an
 * unknown path is {@link #OTHER}). Decided from the path alone, so that requests answered before
 * JAX-RS matched them (a 401, a container 404) get the same template as the others.
 */
final class RouteTemplates {

  static final String OTHER = "other";

  static final String LIST = "/v1/{project_id}/checkpoint_items";
  static final String COUNT = "/v1/{project_id}/checkpoint_items/count";
  static final String ITEM = "/v1/{project_id}/checkpoint_items/{id}";

  static final Set<String> OPERATIONS =
      Set.of("/health", "/health/live", "/health/ready", "/openapi", "/metrics");

  /** In matching order: the literal {@code count} wins over an item id, as in the resource. */
  private static final List<Route> API =
      List.of(
          new Route(COUNT, Pattern.compile("/v1/([^/]+)/checkpoint_items/count")),
          new Route(ITEM, Pattern.compile("/v1/([^/]+)/checkpoint_items/([^/]+)")),
          new Route(LIST, Pattern.compile("/v1/([^/]+)/checkpoint_items")));

  private RouteTemplates() {}

  /** The template and the path's project and item, raw as sent (null where the route has none). */
  record Match(String template, String project, String item) {

    boolean operational() {
      return OPERATIONS.contains(template);
    }
  }

  /**
   * @param path the request URI without the context path, still percent-encoded
   */
  static Match of(String path) {
    if (OPERATIONS.contains(path)) {
      return new Match(path, null, null);
    }
    for (Route route : API) {
      Matcher matcher = route.pattern.matcher(path);
      if (matcher.matches()) {
        return new Match(
            route.template, matcher.group(1), matcher.groupCount() > 1 ? matcher.group(2) : null);
      }
    }
    return new Match(OTHER, null, null);
  }

  private record Route(String template, Pattern pattern) {}
}
