package org.backupcatalog.web.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Puts {@code X-Request-Id} on every response before anything else runs, so that it is there even
 * when a later stage fails or the container answers by itself. Declared first in web.xml.
 */
public class RequestIdFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    RequestIds.ensure(request, response);
    chain.doFilter(request, response);
  }
}
