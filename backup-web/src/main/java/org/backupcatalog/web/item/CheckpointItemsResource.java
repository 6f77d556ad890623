package org.backupcatalog.web.item;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.backupcatalog.domain.catalog.CheckpointItemCatalog;
import org.backupcatalog.domain.catalog.CheckpointItemIngest;
import org.backupcatalog.domain.catalog.WriteResult;
import org.backupcatalog.domain.item.StoredCheckpointItem;
import org.backupcatalog.domain.query.ListQuery;
import org.backupcatalog.domain.query.QueryParameters;
import org.backupcatalog.domain.query.Scope;
import org.backupcatalog.web.error.ErrorJson;
import org.backupcatalog.web.operations.ListPages;
import org.backupcatalog.web.security.AccessPolicy;
import org.backupcatalog.web.security.Operation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /v1/{project_id}/checkpoint_items}: the list, its count, and single items. One class, so
 * that the literal {@code count} always wins over an item id of that name.
 *
 * <p>One instance serves every request: what differs per request comes as method parameters, and
 * the configuration is read once. A request-scoped resource was created, injected and configured
 * per request, about a twentieth of a small page's cost.
 */
@Path("v1/{project_id}/checkpoint_items")
@Produces(ErrorJson.CONTENT_TYPE)
@ApplicationScoped
public class CheckpointItemsResource {

  /**
   * Looked up once: {@code Json.createObjectBuilder()} and the like look the provider up per call.
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject private CheckpointItemCatalog catalog;
  @Inject private CheckpointItemIngest ingest;
  @Inject private AccessPolicy access;
  @Inject private NextPageLink nextPageLink;
  @Inject private ListPages listPages;

  @Inject
  @ConfigProperty(name = "backup.query.max-limit", defaultValue = "1000")
  private int maxLimit;

  /**
   * The query string is parsed here, at the edge: the domain receives its value objects. The page
   * is written as it is read ({@link ListPageOutput}).
   */
  @GET
  public Response list(
      @PathParam("project_id") String projectId,
      @Context UriInfo uri,
      @Context SecurityContext security,
      @Context HttpServletRequest request) {
    QueryParameters parameters = QueryParameters.of(uri.getQueryParameters());
    Scope scope = authorize(Operation.LIST, projectId, uri, security, request);
    ListQuery query = parameters.listQuery(scope, maxLimit);
    ListPages.Tally tally = listPages.tally(request, scope.isAllTenants());
    return Response.ok(
            new ListPageOutput(
                each -> {
                  boolean more = catalog.stream(query, tally.andThen(each));
                  tally.done();
                  return more;
                },
                scope.isAllTenants(),
                marker -> nextPageLink.after(uri, marker)))
        .build();
  }

  @GET
  @Path("count")
  public JsonObject count(
      @PathParam("project_id") String projectId,
      @Context UriInfo uri,
      @Context SecurityContext security,
      @Context HttpServletRequest request) {
    QueryParameters parameters = QueryParameters.of(uri.getQueryParameters());
    Scope scope = authorize(Operation.COUNT, projectId, uri, security, request);
    return JSON.createObjectBuilder()
        .add("count", catalog.count(scope, parameters.filter()))
        .build();
  }

  @GET
  @Path("{id}")
  public Response get(
      @PathParam("project_id") String projectId,
      @PathParam("id") String id,
      @Context UriInfo uri,
      @Context SecurityContext security,
      @Context HttpServletRequest request) {
    Scope scope = authorize(Operation.GET, projectId, uri, security, request);
    StoredCheckpointItem stored = catalog.get(scope, id);
    return Response.ok(ItemBodies.envelope(stored.item()))
        .tag(new EntityTag(stored.etag()))
        .build();
  }

  /** {@link RefusalOrder} has answered 415 to a body not declared JSON, after 403. */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(
      @PathParam("project_id") String projectId,
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Context UriInfo uri,
      @Context SecurityContext security,
      @Context HttpServletRequest request,
      InputStream body) {
    Scope scope = authorize(Operation.PUT, projectId, uri, security, request);
    WriteResult written =
        ingest.put(scope.project(), id, ItemBodies.read(body), EntityTags.ifMatch(ifMatch));
    Response.ResponseBuilder answer =
        written.created() ? Response.created(uri.getAbsolutePathBuilder().build()) : Response.ok();
    return answer
        .entity(ItemBodies.envelope(written.stored().item()))
        .tag(new EntityTag(written.stored().etag()))
        .build();
  }

  @DELETE
  @Path("{id}")
  public Response delete(
      @PathParam("project_id") String projectId,
      @PathParam("id") String id,
      @Context UriInfo uri,
      @Context SecurityContext security,
      @Context HttpServletRequest request) {
    Scope scope = authorize(Operation.DELETE, projectId, uri, security, request);
    ingest.delete(scope.project(), id);
    return Response.noContent().build();
  }

  /** The scope {@link RefusalOrder} decided, before matching, in the order of refusals. */
  private Scope authorize(
      Operation operation,
      String projectId,
      UriInfo uri,
      SecurityContext security,
      HttpServletRequest request) {
    Scope decided = RefusalOrder.decided(request);
    return decided != null
        ? decided
        : RefusalOrder.authorizeLate(
            access, operation, projectId, uri.getQueryParameters(), security, request);
  }
}
