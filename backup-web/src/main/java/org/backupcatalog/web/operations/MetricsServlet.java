package org.backupcatalog.web.operations;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.backupcatalog.web.error.ApiError;
import org.backupcatalog.web.error.ErrorJson;
import org.backupcatalog.web.request.RequestIds;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /metrics} in the Prometheus text format. Open by default, like the servers' own metrics
 * endpoints: it shows counts and timings, no catalog data. When {@code backup.metrics.token} is
 * set, a scraper must send it as {@code Authorization: Bearer <token>}: a credential of its own, so
 * that a Prometheus server never holds a catalog token (which would read backups) and the catalog's
 * tokens never unlock the metrics.
 */
@WebServlet(name = MetricsServlet.NAME, urlPatterns = "/metrics")
public class MetricsServlet extends HttpServlet {

  /** The servlet's name, which {@code PublicPaths} lets through without a token. */
  public static final String NAME = "catalog-metrics";

  private static final long serialVersionUID = 1L;

  /** Prometheus text format 0.0.4, which every scraper reads. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  @Inject transient CatalogMetrics metrics;

  @Inject
  @ConfigProperty(name = "backup.metrics.token")
  transient Optional<String> token;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!authorized(request.getHeader("Authorization"))) {
      response.setHeader("WWW-Authenticate", "Bearer");
      ErrorJson.write(response, ApiError.unauthorized(), RequestIds.ensure(request, response));
      return;
    }
    byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
    response.setContentType(CONTENT_TYPE);
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private boolean authorized(String authorization) {
    String expected = token.map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
    if (expected == null) {
      return true;
    }
    if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      return false;
    }
    byte[] sent =
        authorization.substring("bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(sent, expected.getBytes(StandardCharsets.UTF_8));
  }
}
