package org.backupcatalog.web.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.backupcatalog.web.error.ApiError;
import org.backupcatalog.web.error.ErrorJson;
import org.backupcatalog.web.request.RequestIds;

/**
 * Refuses the requests that still arrive once the shutdown has begun ({@link ShutdownDrain}) with
 * 503 and {@code Connection: close}, so that a client retries on another instance instead of
 * starting work that the grace period may cut; the requests already inside are not affected.
 * Readiness is answered as usual (DOWN), so that probes see why.
 */
public class ShutdownRefusalFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (ShutdownDrain.stopping() && !request.getServletPath().startsWith("/health")) {
      response.setHeader("Connection", "close");
      ErrorJson.write(response, ApiError.shuttingDown(), RequestIds.of(request));
      return;
    }
    chain.doFilter(request, response);
  }
}
