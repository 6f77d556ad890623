package org.backupcatalog.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * The requests that need no token (CONTRACT section 2): GET and HEAD of the operational endpoints,
 * which show no catalog data. Matched on the raw request URI, exactly, so that no encoding or
 * path-parameter trick can stretch the rule to another path. Everything else is authenticated.
 */
public final class PublicPaths {

  /**
   * Health for probes and load balancers, the API document, and the metrics (see MetricsServlet).
   */
  static final Set<String> OPERATIONS =
      Set.of("/health", "/health/live", "/health/ready", "/openapi", "/metrics");

  private PublicPaths() {}

  public static boolean isPublic(HttpServletRequest request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return false;
    }
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    if (uri == null || context == null || !uri.startsWith(context)) {
      return false;
    }
    return OPERATIONS.contains(uri.substring(context.length()));
  }
}
