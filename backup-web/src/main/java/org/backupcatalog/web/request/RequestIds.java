package org.backupcatalog.web.request;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code X-Request-Id} of a request: the client's own when it sent a usable one, else a new
 * UUID. It is kept as a request attribute so that filters, exception mappers and the container's
 * error page all report the same value.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";

  private static final String ATTRIBUTE = RequestIds.class.getName();

  /**
   * Visible ASCII, bounded: an id that would be unsafe to log or to echo in a header is replaced
   * rather than refused, because the request itself may be perfectly valid.
   */
  private static final Pattern USABLE = Pattern.compile("[\\x21-\\x7E]{1,128}");

  private RequestIds() {}

  /**
   * Returns the request's id, choosing it on the first call, and puts it on the response. Safe to
   * call any number of times, from any stage that sees the servlet request.
   */
  public static String ensure(HttpServletRequest request, HttpServletResponse response) {
    String id = (String) request.getAttribute(ATTRIBUTE);
    if (id == null) {
      id = choose(request.getHeader(HEADER));
      request.setAttribute(ATTRIBUTE, id);
    }
    if (response != null && !response.isCommitted()) {
      response.setHeader(HEADER, id);
    }
    return id;
  }

  /** The id chosen for this request so far, or a new one for a request no filter saw. */
  public static String of(HttpServletRequest request) {
    return ensure(request, null);
  }

  static String choose(String sent) {
    if (sent != null && USABLE.matcher(sent).matches()) {
      return sent;
    }
    return UUID.randomUUID().toString();
  }
}
