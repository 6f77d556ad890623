package org.backupcatalog.web.item;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.backupcatalog.web.error.ApiError;

/**
 * Lets the resource refuse bad {@code Accept} and {@code Content-Type} headers after it has
 * authorized the caller: a forbidden call is 403 whatever it sends (CONTRACT section 6). JAX-RS
 * parses {@code Accept} while it matches the request, before any resource code runs, and answers
 * 406 or a bare 400 there. This filter, before matching, notes what it would refuse and lets the
 * request match as if it accepted anything ({@link UnparsableContentTypeFilter} does the same for
 * {@code Content-Type}); the resource then refuses it, after authorization ({@link
 * #refuseIfNoted}), with a message that names the header.
 */
@Provider
@PreMatching
public class DeferredHeaderRefusals implements ContainerRequestFilter {

  /** A request property, which a servlet container keeps as a request attribute. */
  static final String NOTED = DeferredHeaderRefusals.class.getName() + ".refusal";

  @Override
  public void filter(ContainerRequestContext request) {
    ApiError accept = acceptRefusal(request);
    // A Content-Type refusal, noted earlier by UnparsableContentTypeFilter, comes first.
    if (accept != null && request.getProperty(NOTED) == null) {
      request.setProperty(NOTED, accept);
    }
  }

  private static ApiError acceptRefusal(ContainerRequestContext request) {
    ApiError refusal;
    try {
      if (acceptsJson(request.getAcceptableMediaTypes())) {
        return null;
      }
      refusal = ApiError.forStatus(406);
    } catch (ProcessingException malformed) {
      refusal = ApiError.invalidParameter("Invalid header Accept: not a list of media types");
    }
    request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.WILDCARD);
    return refusal;
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

  /** The refusal noted for this request's headers, if any. */
  static void refuseIfNoted(HttpServletRequest request) {
    if (request.getAttribute(NOTED) instanceof ApiError refusal) {
      throw refusal;
    }
  }
}
