package org.backupcatalog.web.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.backupcatalog.web.request.RequestIds;

/** Turns an {@link ApiError} into a JAX-RS response, shared by the exception mappers. */
final class ErrorResponses {

  private static final MediaType JSON = MediaType.valueOf(ErrorJson.CONTENT_TYPE);

  private ErrorResponses() {}

  static Response.ResponseBuilder of(ApiError error, HttpServletRequest request) {
    String requestId = RequestIds.of(request);
    FailureLog.record(error, requestId, request.getMethod(), request.getRequestURI());
    return Response.status(error.status())
        .type(JSON)
        .header(RequestIds.HEADER, requestId)
        .entity(ErrorJson.body(error, requestId));
  }
}
