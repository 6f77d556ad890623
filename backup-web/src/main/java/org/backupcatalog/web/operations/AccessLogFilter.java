package org.backupcatalog.web.operations;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Records every request that reaches the application's filters once it is answered (metrics, access
 * and audit lines: {@link RequestLog}). Declared in web.xml right after the request id, so that it
 * wraps everything else; the status it reads after the chain is also the one of an error that the
 * container's error page turns into a body afterwards.
 */
public class AccessLogFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient RequestLog requestLog;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    requestLog.entered(request);
    int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    try {
      chain.doFilter(request, response);
      status = response.getStatus();
    } finally {
      requestLog.answered(request, status);
    }
  }
}
