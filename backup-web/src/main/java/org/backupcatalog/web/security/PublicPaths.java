package org.backupcatalog.web.security;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.backupcatalog.web.operations.HealthServlet;
import org.backupcatalog.web.operations.MetricsServlet;
import org.backupcatalog.web.operations.OpenApiServlet;

/**
 * The operational endpoints that need no token (CONTRACT section 2): GET and HEAD of {@code
 * /health}, {@code /health/live}, {@code /health/ready}, {@code /openapi} and {@code /metrics},
 * which show no catalog data ({@code /metrics} may require a credential of its own, checked by its
 * servlet). Decided, as for the console's files, on the servlet that serves the request rather than
 * on the URI's text, so that no spelling of a path reaches the API without a token.
 */
public final class PublicPaths {

  static final Set<String> OPERATIONAL_SERVLETS =
      Set.of(HealthServlet.NAME, OpenApiServlet.NAME, MetricsServlet.NAME);

  private PublicPaths() {}

  public static boolean isOperational(HttpServletRequest request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return false;
    }
    HttpServletMapping mapping = request.getHttpServletMapping();
    return mapping != null && OPERATIONAL_SERVLETS.contains(mapping.getServletName());
  }
}
