package org.backupcatalog.web.item;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Hides a {@code Content-Type} that is not a media type from JAX-RS, which would answer a bare 400
 * before the caller is authorized, and notes it for {@link RefusalOrder}, which answers 400 naming
 * the header, or 403 to a forbidden caller. A servlet filter because JAX-RS reads the type before
 * its own pre-matching filters run.
 */
public class UnparsableContentTypeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || parses(type)) {
      chain.doFilter(request, response);
      return;
    }
    request.setAttribute(RefusalOrder.UNPARSABLE_CONTENT_TYPE, type);
    chain.doFilter(new WithoutContentType(request), response);
  }

  static boolean parses(String type) {
    try {
      MediaType.valueOf(type);
      return true;
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  private static final class WithoutContentType extends HttpServletRequestWrapper {

    WithoutContentType(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getContentType() {
      return null;
    }

    @Override
    public String getHeader(String name) {
      return isContentType(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return isContentType(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      return Collections.enumeration(
          Collections.list(super.getHeaderNames()).stream()
              .filter(name -> !isContentType(name))
              .toList());
    }

    private static boolean isContentType(String name) {
      return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name);
    }
  }
}
