package org.backupcatalog.web.item;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.backupcatalog.domain.InvalidParameterException;
import org.backupcatalog.domain.query.QueryParameters;
import org.backupcatalog.domain.query.Scope;
import org.backupcatalog.web.error.ApiError;
import org.backupcatalog.web.security.AccessPolicy;
import org.backupcatalog.web.security.Operation;

/**
 * The order in which a request to the checkpoint items is refused (CONTRACT section 6), decided
 * here for every stage that is not the container's own:
 *
 * <ol>
 *   <li>401, no valid token: {@code TokenAuthenticationMechanism}, before any filter runs;
 *   <li>403, the caller may not run this operation on this project: {@link #filter}, by {@link
 *       AccessPolicy};
 *   <li>400, the path's project, {@code all_tenants}, {@code Content-Type} or {@code Accept} is not
 *       even well-formed; 406, the caller does not accept JSON; 415, a PUT's body is not declared
 *       JSON: {@link #filter}, in this order;
 *   <li>404 and 405, an unknown path or method: JAX-RS matching, after this filter;
 *   <li>400 for the other parameters and the body, 404 for an unknown item, 412: the resource;
 *   <li>413, a body over 1 MiB: {@code OversizedBodyFilter}, when the resource reads it.
 * </ol>
 *
 * <p>Pre-matching, so that JAX-RS's own answers to the headers (its 406 and 415 for {@code
 * Produces} and {@code Consumes}, its bare 400 for a malformed {@code Accept}) never come before
 * 403. It recognizes the API's operations by method and path as the resource declares them; any
 * other request is left to matching. The resource takes the decided {@link Scope} ({@link
 * #decided}), or decides by the same rule ({@link #authorizeLate}) should a spelling of a path
 * reach it that this filter did not recognize.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHORIZATION)
public class RefusalOrder implements ContainerRequestFilter {

  /** A request property, which a servlet container keeps as a request attribute. */
  static final String SCOPE = RefusalOrder.class.getName() + ".scope";

  /** Set by {@link UnparsableContentTypeFilter}, which hides such a header from JAX-RS. */
  static final String UNPARSABLE_CONTENT_TYPE = RefusalOrder.class.getName() + ".content-type";

  private static final String ITEMS = "checkpoint_items";

  /** A {@code qvalue} of RFC 9110 section 12.4.2. */
  private static final Pattern QUALITY = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

  @Inject private AccessPolicy access;

  @Override
  public void filter(ContainerRequestContext request) {
    List<String> path = segments(request.getUriInfo().getPathSegments());
    Operation operation = operationOf(request.getMethod(), path);
    if (operation == null) {
      // Matching sorts the Accept by quality: RESTEasy fails on a malformed one with a 500.
      acceptable(request);
      return;
    }
    Scope scope =
        authorize(
            access,
            operation,
            path.get(1),
            request.getUriInfo().getQueryParameters(),
            request.getSecurityContext());
    refuseHeaders(operation, request);
    request.setProperty(SCOPE, scope);
  }

  /** The scope this filter decided for the request, or null if it did not recognize it. */
  static Scope decided(HttpServletRequest request) {
    return request.getAttribute(SCOPE) instanceof Scope decided ? decided : null;
  }

  /**
   * The decision for a request this filter did not recognize: the same authorization, then the
   * {@code Content-Type} that JAX-RS never saw ({@code Accept} and the media types were left to
   * matching).
   */
  static Scope authorizeLate(
      AccessPolicy access,
      Operation operation,
      String projectId,
      Map<String, List<String>> query,
      SecurityContext caller,
      HttpServletRequest request) {
    Scope scope = authorize(access, operation, projectId, query, caller);
    if (request.getAttribute(UNPARSABLE_CONTENT_TYPE) != null) {
      throw ApiError.invalidParameter("Invalid header Content-Type: not a media type");
    }
    return scope;
  }

  /** 403 before 400: a malformed {@code all_tenants} cannot ask for all tenants. */
  private static Scope authorize(
      AccessPolicy access,
      Operation operation,
      String projectId,
      Map<String, List<String>> query,
      SecurityContext caller) {
    if (!operation.takesAllTenants()) {
      return access.authorize(operation, projectId, false, caller);
    }
    boolean allTenants;
    try {
      allTenants = QueryParameters.of(query).allTenants();
    } catch (InvalidParameterException malformed) {
      access.authorize(operation, projectId, false, caller);
      throw malformed;
    }
    return access.authorize(operation, projectId, allTenants, caller);
  }

  private static void refuseHeaders(Operation operation, ContainerRequestContext request) {
    if (request.getProperty(UNPARSABLE_CONTENT_TYPE) != null) {
      throw ApiError.invalidParameter("Invalid header Content-Type: not a media type");
    }
    if (!acceptsJson(acceptable(request))) {
      throw ApiError.forStatus(406);
    }
    if (operation == Operation.PUT && !isJson(request.getMediaType())) {
      throw ApiError.forStatus(415);
    }
    // Matching then sees a request it can serve: JAX-RS adds no refusal of its own to these.
    request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
  }

  /**
   * The {@code Accept} header's media types; 400 when it is not a list of media types or a quality
   * is not a number from 0 to 1 with at most three decimals (RFC 9110 section 12.4.2).
   */
  private static List<MediaType> acceptable(ContainerRequestContext request) {
    List<MediaType> acceptable;
    try {
      acceptable = request.getAcceptableMediaTypes();
    } catch (RuntimeException malformed) {
      // Jersey throws ProcessingException or IllegalArgumentException, RESTEasy its own Failure.
      throw ApiError.invalidParameter("Invalid header Accept: not a list of media types");
    }
    for (MediaType type : acceptable) {
      String q = type.getParameters().get("q");
      if (q != null && !QUALITY.matcher(q).matches()) {
        throw ApiError.invalidParameter("Invalid header Accept: a quality must be from 0 to 1");
      }
    }
    return acceptable;
  }

  /** The operation of a method on a path, as the resource's annotations declare it; else null. */
  static Operation operationOf(String method, List<String> path) {
    if (path.size() < 3
        || path.size() > 4
        || !path.get(0).equals("v1")
        || !path.get(2).equals(ITEMS)) {
      return null;
    }
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (path.size() == 3) {
      return read ? Operation.LIST : null;
    }
    if (read && path.get(3).equals("count")) {
      return Operation.COUNT;
    }
    // Jersey matches a PUT or DELETE of .../count to the item "count", as the resource does.
    return switch (method) {
      case "GET", "HEAD" -> Operation.GET;
      case "PUT" -> Operation.PUT;
      case "DELETE" -> Operation.DELETE;
      default -> null;
    };
  }

  /** The decoded segments, without a trailing empty one; an empty one elsewhere matches nothing. */
  private static List<String> segments(List<PathSegment> segments) {
    List<String> path = segments.stream().map(PathSegment::getPath).toList();
    if (!path.isEmpty() && path.get(path.size() - 1).isEmpty()) {
      path = path.subList(0, path.size() - 1);
    }
    return path.contains("") ? List.of() : path;
  }

  static boolean acceptsJson(List<MediaType> acceptable) {
    return acceptable.isEmpty()
        || acceptable.stream()
            .anyMatch(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE) && quality(t) > 0);
  }

  /** JSON by its name, whatever its parameters; not a wildcard, not absent. */
  static boolean isJson(MediaType type) {
    return type != null
        && !type.isWildcardType()
        && !type.isWildcardSubtype()
        && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
  }

  /** The quality of a type that {@link #acceptable} let through: absent is 1. */
  private static double quality(MediaType type) {
    String q = type.getParameters().get("q");
    return q == null ? 1 : Double.parseDouble(q);
  }
}
