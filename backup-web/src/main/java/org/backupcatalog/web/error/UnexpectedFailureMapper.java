package org.backupcatalog.web.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The last resort: a lost database becomes 503, anything else 500 with the details in the log only.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

  @Context private HttpServletRequest request;

  @Override
  public Response toResponse(Throwable failure) {
    return ErrorResponses.of(FailureClassifier.classify(failure), request).build();
  }
}
