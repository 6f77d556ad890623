package org.backupcatalog.web.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers an {@link ApiError} thrown by a resource or a JAX-RS filter. */
@Provider
public class ApiErrorMapper implements ExceptionMapper<ApiError> {

  @Context private HttpServletRequest request;

  @Override
  public Response toResponse(ApiError error) {
    return ErrorResponses.of(error, request).build();
  }
}
