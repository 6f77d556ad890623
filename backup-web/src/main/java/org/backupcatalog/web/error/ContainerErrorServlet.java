package org.backupcatalog.web.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.backupcatalog.web.request.RequestIds;

/**
 * The error page of the whole WAR (web.xml): whatever the container answers by itself (an error
 * status sent outside JAX-RS, an exception thrown by a filter or an authentication mechanism)
 * leaves as the contract's JSON, never as the container's HTML page.
 */
public class ContainerErrorServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String requestId = RequestIds.ensure(request, response);
    ApiError error = errorOf(request);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    FailureLog.record(
        error,
        requestId,
        request.getMethod(),
        uri == null ? request.getRequestURI() : (String) uri);
    ErrorJson.write(response, error, requestId);
  }

  private static ApiError errorOf(HttpServletRequest request) {
    Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (exception instanceof Throwable failure) {
      return FailureClassifier.classify(failure);
    }
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (status instanceof Integer code) {
      return ApiError.forStatus(code);
    }
    // Reached directly rather than as an error page: to the client it is just an unknown path.
    return ApiError.noSuchApi();
  }
}
