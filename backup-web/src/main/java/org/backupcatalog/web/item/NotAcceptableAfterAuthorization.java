package org.backupcatalog.web.item;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.backupcatalog.web.error.ApiError;

/**
 * Lets the resource answer 406 after it has authorized the caller: a forbidden call is 403 whatever
 * it sends (CONTRACT section 6). JAX-RS refuses an {@code Accept} without JSON while it matches the
 * request, before any resource code runs. This filter, before matching, notes such a request and
 * lets it match as if it accepted anything; the resource refuses it after authorization ({@link
 * #refuseIfNoted}).
 */
@Provider
@PreMatching
public class NotAcceptableAfterAuthorization implements ContainerRequestFilter {

  /** A request property, which a servlet container keeps as a request attribute. */
  static final String NOTED = NotAcceptableAfterAuthorization.class.getName() + ".accept";

  @Override
  public void filter(ContainerRequestContext request) {
    if (!acceptsJson(request.getAcceptableMediaTypes())) {
      request.setProperty(NOTED, request.getHeaderString(HttpHeaders.ACCEPT));
      request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.WILDCARD);
    }
  }

  static boolean acceptsJson(List<MediaType> acceptable) {
    return acceptable.isEmpty()
        || acceptable.stream()
            .anyMatch(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE) && quality(t) > 0);
  }

  private static double quality(MediaType type) {
    String q = type.getParameters().get("q");
    try {
      return q == null ? 1 : Double.parseDouble(q);
    } catch (NumberFormatException malformed) {
      return 1;
    }
  }

  /** 406 when this request's {@code Accept} had no JSON in it. */
  static void refuseIfNoted(HttpServletRequest request) {
    if (request.getAttribute(NOTED) != null) {
      throw ApiError.forStatus(406);
    }
  }
}
