package org.backupcatalog.web.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.backupcatalog.domain.InvalidParameterException;
import org.backupcatalog.domain.query.QueryParameters;
import org.backupcatalog.web.request.RequestIds;
import org.backupcatalog.web.security.Caller;
import org.backupcatalog.web.security.Roles;

/**
 * What is recorded of every request once it is answered: its metrics, one access line on {@code
 * org.backupcatalog.access}, and an audit line on {@code org.backupcatalog.audit} for every {@code
 * all_tenants} read and every write, refused ones included, so that cross-tenant reads and writes
 * are traceable to a caller. Probes of the operational endpoints are logged at FINE: a load
 * balancer asking every few seconds would drown the API's lines (their metrics still count them).
 */
@ApplicationScoped
public class RequestLog {

  static final Logger ACCESS = Logger.getLogger("org.backupcatalog.access");
  static final Logger AUDIT = Logger.getLogger("org.backupcatalog.audit");
  private static final Logger LOG = Logger.getLogger(RequestLog.class.getName());

  private static final String STARTED = RequestLog.class.getName() + ".started";
  private static final String RECORDED = RequestLog.class.getName() + ".recorded";
  static final String PAGE_ITEMS = RequestLog.class.getName() + ".pageItems";
  static final String PAGE_PROJECTS = RequestLog.class.getName() + ".pageProjects";

  private static final Set<String> WRITES = Set.of("PUT", "DELETE");

  private final CatalogMetrics metrics;

  @Inject
  public RequestLog(CatalogMetrics metrics) {
    this.metrics = metrics;
  }

  /** For the container's client proxy only. */
  protected RequestLog() {
    this(null);
  }

  /** Marks the request's start; the earliest call wins (see {@link RequestStartListener}). */
  static void started(HttpServletRequest request) {
    if (request.getAttribute(STARTED) == null) {
      request.setAttribute(STARTED, System.nanoTime());
    }
  }

  /**
   * A request that entered the application's filters: counted as in flight until {@link #answered}.
   */
  void entered(HttpServletRequest request) {
    started(request);
    metrics.requestStarted(route(request).usesDatabase());
  }

  /** The end of a request that went through the filters. */
  void answered(HttpServletRequest request, int status) {
    metrics.requestEnded(route(request).usesDatabase());
    record(request, status);
  }

  /**
   * A request answered before the application's filters ran, e.g. refused by the authentication
   * mechanism.
   */
  public void answeredBeforeFilters(HttpServletRequest request, int status) {
    record(request, status);
  }

  /** Recording never fails a request: a failure here is logged and the answer stands. */
  private void record(HttpServletRequest request, int status) {
    if (request.getAttribute(RECORDED) != null) {
      return;
    }
    request.setAttribute(RECORDED, Boolean.TRUE);
    try {
      write(request, status);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot record request " + RequestIds.of(request), e);
    }
  }

  private void write(HttpServletRequest request, int status) {
    Object started = request.getAttribute(STARTED);
    long nanos = started instanceof Long start ? System.nanoTime() - start : 0;
    Route route = route(request);
    String method = request.getMethod();
    metrics.request(method, route.match().template(), status, nanos);
    if (route.usesDatabase() && status / 100 == 2) {
      DatabaseProbe.answeredFromDatabase();
    }

    Caller caller = callerOf(request);
    String allTenants = allTenants(request);
    Object items = request.getAttribute(PAGE_ITEMS);
    new LogLine()
        .add("request_id", RequestIds.of(request))
        .add("method", method)
        .add("route", route.match().template())
        .add("project", route.match().project())
        .add("item", route.match().item())
        .add("status", status)
        .add("duration_ms", Math.round(nanos / 10_000.0) / 100.0)
        .add("sub", caller == null ? null : caller.getName())
        .add("caller_project", caller == null ? null : caller.projectId().value())
        .add("all_tenants", allTenants)
        .add("items", items)
        .log(ACCESS, route.match().operational() ? Level.FINE : Level.INFO);

    if ("true".equals(allTenants) || WRITES.contains(method)) {
      new LogLine()
          .add("at", Instant.now().toString())
          .add("request_id", RequestIds.of(request))
          .add("sub", caller == null ? null : caller.getName())
          .add("caller_project", caller == null ? null : caller.projectId().value())
          .add("roles", roles(request, caller))
          .add("action", action(method, route.match().template(), allTenants))
          .add("method", method)
          .add("route", route.match().template())
          .add("project", route.match().project())
          .add("item", route.match().item())
          .add("query", request.getQueryString())
          .add("status", status)
          .add("items", items)
          .add("projects", request.getAttribute(PAGE_PROJECTS))
          .log(AUDIT, Level.INFO);
    }
  }

  private static String action(String method, String template, String allTenants) {
    if (WRITES.contains(method)) {
      return method.equals("PUT") ? "write_item" : "delete_item";
    }
    String what =
        switch (template) {
          case RouteTemplates.COUNT -> "count";
          case RouteTemplates.ITEM -> "read_item";
          default -> "list";
        };
    return "true".equals(allTenants) ? what + "_all_tenants" : what;
  }

  /** The caller's known roles: what decided the outcome, never the token itself. */
  private static String roles(HttpServletRequest request, Caller caller) {
    if (caller == null) {
      return null;
    }
    List<String> held =
        Arrays.stream(new String[] {Roles.ADMIN, Roles.BACKUP_ENGINE})
            .filter(request::isUserInRole)
            .toList();
    return String.join(",", held);
  }

  private static Caller callerOf(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    return principal instanceof Caller caller ? caller : null;
  }

  /**
   * {@code all_tenants} as the catalog reads it ({@code true}, {@code false} or {@code invalid}),
   * for the reads only: reading a write's parameters could consume a form body.
   */
  private static String allTenants(HttpServletRequest request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return null;
    }
    String[] values = request.getParameterValues("all_tenants");
    if (values == null) {
      return "false";
    }
    try {
      return Boolean.toString(
          QueryParameters.of(Map.of("all_tenants", Arrays.asList(values))).allTenants());
    } catch (InvalidParameterException malformed) {
      return "invalid";
    }
  }

  private static Route route(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    String path =
        uri != null && context != null && uri.startsWith(context)
            ? uri.substring(context.length())
            : String.valueOf(uri);
    return new Route(RouteTemplates.of(path));
  }

  private record Route(RouteTemplates.Match match) {
    boolean usesDatabase() {
      return !match.operational() && !match.template().equals(RouteTemplates.OTHER);
    }
  }
}
