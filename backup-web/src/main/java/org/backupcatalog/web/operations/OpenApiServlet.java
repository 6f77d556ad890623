package org.backupcatalog.web.operations;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code /openapi}: the API's OpenAPI document, YAML by default, JSON with {@code ?format=JSON} or
 * an {@code Accept} that asks for JSON and not YAML (as MicroProfile OpenAPI answers).
 */
@WebServlet(name = OpenApiServlet.NAME, urlPatterns = "/openapi")
public class OpenApiServlet extends HttpServlet {

  /** The servlet's name, which {@code PublicPaths} lets through without a token. */
  public static final String NAME = "catalog-openapi";

  private static final long serialVersionUID = 1L;

  private transient OpenApiDocument document;

  @Override
  public void init() {
    document = OpenApiDocument.load();
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean json = wantsJson(request.getParameter("format"), request.getHeader("Accept"));
    byte[] body = (json ? document.json() : document.yaml()).getBytes(StandardCharsets.UTF_8);
    response.setContentType(
        json ? "application/json; charset=UTF-8" : "application/yaml; charset=UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  static boolean wantsJson(String format, String accept) {
    if (format != null && !format.isBlank()) {
      return format.strip().equalsIgnoreCase("json");
    }
    if (accept == null) {
      return false;
    }
    String types = accept.toLowerCase(Locale.ROOT);
    return types.contains("application/json") && !types.contains("yaml");
  }
}
