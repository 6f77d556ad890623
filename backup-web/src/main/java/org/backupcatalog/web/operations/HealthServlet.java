package org.backupcatalog.web.operations;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /health} (every check), {@code /health/live} and {@code /health/ready}: 200 when UP, 503
 * when DOWN, as MicroProfile Health answers, so that a Kubernetes probe or a load balancer reads
 * the status code alone. A servlet rather than a JAX-RS resource: the API's filters (the 503 while
 * the schema is pending) must not answer for it.
 */
@WebServlet(
    name = HealthServlet.NAME,
    urlPatterns = {"/health", "/health/live", "/health/ready"})
public class HealthServlet extends HttpServlet {

  /** The servlet's name, which {@code PublicPaths} lets through without a token. */
  public static final String NAME = "catalog-health";

  private static final long serialVersionUID = 1L;

  @Inject transient Health health;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Health.Kind kind =
        switch (request.getServletPath()) {
          case "/health/live" -> Health.Kind.LIVE;
          case "/health/ready" -> Health.Kind.READY;
          default -> Health.Kind.ALL;
        };
    Health.Answer answer = health.check(kind);
    byte[] body = answer.body().toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(answer.up() ? 200 : 503);
    response.setContentType("application/json; charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    // Committed now, so that no error page of the container replaces a 503's body.
    response.flushBuffer();
  }
}
