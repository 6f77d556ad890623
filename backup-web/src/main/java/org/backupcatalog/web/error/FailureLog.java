package org.backupcatalog.web.error;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs the failures that the client cannot act on, under the request id it was given, so that an
 * operator can find the details the body leaves out.
 */
final class FailureLog {

  private static final Logger LOG = Logger.getLogger("org.backupcatalog.web.error");

  private FailureLog() {}

  static void record(ApiError error, String requestId, String method, String path) {
    // A 501 answers a method HTTP does not define: the client's doing, like a 4xx.
    if (error.status() < 500 || error.status() == 501) {
      LOG.log(
          Level.FINE,
          () ->
              requestId + " " + method + " " + path + " -> " + error.status() + " " + error.code());
      return;
    }
    Level level = error.status() == 503 ? Level.WARNING : Level.SEVERE;
    LOG.log(
        level,
        "request "
            + requestId
            + " "
            + method
            + " "
            + path
            + " failed: "
            + error.status()
            + " "
            + error.code(),
        error.getCause());
  }
}
