package org.backupcatalog.web.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers JAX-RS's own refusals (404 unknown path, 405, 406, 415, ...) in the contract's shape
 * instead of Jersey's empty or HTML bodies. Resources should throw {@link ApiError}, not these: a
 * {@code NotFoundException} here means "no such API", not "no such item".
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context private HttpServletRequest request;

  @Override
  public Response toResponse(WebApplicationException exception) {
    ApiError error = FailureClassifier.classify(exception);
    Response.ResponseBuilder answer = ErrorResponses.of(error, request);
    // The 405's Allow header tells the client which methods the path does take.
    String allow = exception.getResponse().getHeaderString(HttpHeaders.ALLOW);
    if (allow != null) {
      answer.header(HttpHeaders.ALLOW, allow);
    }
    return answer.build();
  }
}
