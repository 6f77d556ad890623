package org.backupcatalog.web.console;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Serves the console's static files from the WAR's {@code console/} folder, GET and HEAD only and
 * without a token (the token check lets exactly this servlet's requests through). A servlet of its
 * own because JAX-RS, served from the root, would answer these paths, and because the container's
 * file servlet cannot be mapped portably from web.xml.
 *
 * <p>Only the listed file types are served, and a path with a segment starting with a dot never is;
 * anything else is the JSON 404 of every unknown path. Each answer forbids other origins' scripts,
 * styles and connections and framing (the console shows data that tenants wrote).
 */
@WebServlet(name = ConsoleAssetServlet.NAME, urlPatterns = "/console/*")
public class ConsoleAssetServlet extends HttpServlet {

  public static final String NAME = "console-assets";

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final long serialVersionUID = 1L;

  private static final String FOLDER = "/console";

  private static final String ALLOWED = "GET, HEAD, OPTIONS";

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html;charset=UTF-8",
          "css", "text/css;charset=UTF-8",
          "js", "text/javascript;charset=UTF-8",
          "svg", "image/svg+xml");

  /**
   * GET, HEAD and OPTIONS only; any other method, TRACE and methods HTTP does not define included,
   * is the contract's 405 with {@code Allow} (HttpServlet would echo a TRACE and answer 501 to an
   * unknown method).
   */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      super.service(request, response);
      return;
    }
    response.setHeader("Allow", ALLOWED);
    response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
  }

  @Override
  protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("Allow", ALLOWED);
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    if (path == null) {
      // No body: sendRedirect would add an HTML one.
      response.setStatus(HttpServletResponse.SC_FOUND);
      response.setHeader("Location", request.getContextPath() + FOLDER + "/");
      return;
    }
    if (path.equals("/")) {
      path = "/index.html";
    }
    String type = typeOf(path);
    byte[] body = type == null ? null : read(path);
    if (body == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String etag = '"' + digest(body) + '"';
    response.setHeader("ETag", etag);
    // Revalidated at each load, so that a new version of the console is picked up at once.
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    if (etag.equals(request.getHeader("If-None-Match"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(type);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The content type of a servable path, or null. */
  static String typeOf(String path) {
    if (path.contains("/.") || path.contains("\\") || path.endsWith("/")) {
      return null;
    }
    int dot = path.lastIndexOf('.');
    return dot < 0 ? null : TYPES.get(path.substring(dot + 1));
  }

  private byte[] read(String path) throws IOException {
    try (InputStream in = getServletContext().getResourceAsStream(FOLDER + path)) {
      return in == null ? null : in.readAllBytes();
    }
  }

  private static String digest(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
