package org.backupcatalog.web.error;

import jakarta.ws.rs.core.Response;

/**
 * A failure to be answered as the contract's error body: HTTP status, error code and a message that
 * is safe to show to the client. Resources and filters throw it; the mappers and the container's
 * error page render it.
 */
public final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public ApiError(int status, String code, String message) {
    this(status, code, message, null);
  }

  /**
   * The cause is only logged, never shown: it may carry SQL, class names or other internals.
   *
   * <p>No stack trace of its own: an ApiError is an answer, not a bug; the cause keeps its trace.
   */
  public ApiError(int status, String code, String message, Throwable cause) {
    super(message, cause, false, false);
    this.status = status;
    this.code = code;
  }

  /** 400: a query parameter, the body or the marker is wrong; the message names what. */
  public static ApiError invalidParameter(String message) {
    return new ApiError(400, "CSBS.9001", message);
  }

  /** 401: no valid token. */
  public static ApiError unauthorized() {
    return new ApiError(401, "APIGW.0301", "Incorrect authentication information: no valid token");
  }

  /** 403: a valid token that does not allow this operation. */
  public static ApiError forbidden(String message) {
    return new ApiError(403, "APIGW.0302", message);
  }

  /** 404 for a checkpoint item that does not exist or that the caller may not see. */
  public static ApiError itemNotFound() {
    return new ApiError(404, "CSBS.3001", "The checkpoint item does not exist");
  }

  /** 404 for a path that no resource serves. */
  public static ApiError noSuchApi() {
    return new ApiError(404, "APIGW.0101", "No such API");
  }

  /** 412: the {@code If-Match} ETag is not the stored one. */
  public static ApiError preconditionFailed() {
    return new ApiError(
        412, "CSBS.2003", "The checkpoint item was changed: If-Match does not match its ETag");
  }

  /** 413: the request body is larger than the service accepts. */
  public static ApiError payloadTooLarge(long limitBytes) {
    return new ApiError(
        413, "APIGW.0413", "Request body too large: at most " + limitBytes + " bytes");
  }

  /** 500: anything unforeseen; the details go to the log under the request id. */
  public static ApiError unexpected(Throwable cause) {
    return new ApiError(500, "CSBS.9999", "Internal server error", cause);
  }

  /** 503: the database cannot be reached; the client may retry. */
  public static ApiError databaseUnavailable(Throwable cause) {
    return new ApiError(503, "CSBS.9998", "The database is unavailable, retry later", cause);
  }

  /** A request that arrives while the server takes the catalog down (graceful shutdown). */
  public static ApiError shuttingDown() {
    return new ApiError(503, "CSBS.9998", "The service is shutting down, retry later");
  }

  /**
   * The answer for a bare HTTP status raised by JAX-RS or by the servlet container (unknown path,
   * wrong method, wrong media type, ...).
   */
  public static ApiError forStatus(int status) {
    return switch (status) {
      case 400 -> invalidParameter("Bad request");
      case 401 -> unauthorized();
      case 403 -> forbidden("The operation is not allowed");
      case 404 -> noSuchApi();
      case 405 -> new ApiError(405, "APIGW.0405", "Method not allowed for this API");
      case 406 ->
          new ApiError(406, "APIGW.0406", "Not acceptable: this API answers application/json");
      case 412 -> preconditionFailed();
      case 413 -> new ApiError(413, "APIGW.0413", "Request body too large");
      case 415 -> new ApiError(415, "APIGW.0415", "Unsupported media type: send application/json");
      case 501 ->
          new ApiError(501, "APIGW.0501", "Method not implemented: not a method of this API");
      case 503 -> databaseUnavailable(null);
      default ->
          status >= 400 && status < 500
              ? new ApiError(status, "APIGW.0" + status, reasonPhrase(status))
              : new ApiError(status >= 500 ? status : 500, "CSBS.9999", "Internal server error");
    };
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  private static String reasonPhrase(int status) {
    Response.StatusType known = Response.Status.fromStatusCode(status);
    return known == null ? "Request refused" : known.getReasonPhrase();
  }
}
