package org.backupcatalog.web.error;

import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The error body of the contract: {@code {"error_code", "error_msg", "request_id"}}. */
public final class ErrorJson {

  /**
   * Looked up once: {@code Json.createObjectBuilder()} and the like look the provider up per call.
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  public static final String CONTENT_TYPE = "application/json; charset=UTF-8";

  private ErrorJson() {}

  public static String body(ApiError error, String requestId) {
    return JSON.createObjectBuilder()
        .add("error_code", error.code())
        .add("error_msg", error.getMessage())
        .add("request_id", requestId)
        .build()
        .toString();
  }

  /**
   * Writes the error as the whole servlet response, for the stages that run outside JAX-RS (the
   * container's error page, servlet filters, an authentication mechanism).
   */
  public static void write(HttpServletResponse response, ApiError error, String requestId)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(error.status());
    response.setContentType(CONTENT_TYPE);
    response.setHeader("X-Request-Id", requestId);
    byte[] bytes = body(error, requestId).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.flushBuffer();
  }
}
