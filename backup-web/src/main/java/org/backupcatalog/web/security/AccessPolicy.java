package org.backupcatalog.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import org.backupcatalog.domain.InvalidParameterException;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.domain.query.Scope;
import org.backupcatalog.web.error.ApiError;

/**
 * Decides, for an authenticated caller, whether an operation on the path's project is allowed, and
 * in which scope it runs (CONTRACT section 2). Roles are asked of the container with {@code
 * isUserInRole}; the project comes from the {@link Caller} the token logged in.
 *
 * <p>A malformed project id in the path needs no case of its own for members: it is never their
 * project, so they get 403 like for any other project. A caller whose role allows any project gets
 * 400 {@code CSBS.9001} for it (no project of that name can exist, and no {@link Scope} can name
 * it), after the authorization, so that the order 401, 403, 400 of the contract holds.
 */
@ApplicationScoped
public class AccessPolicy {

  /**
   * The scope the operation runs in.
   *
   * @param allTenants the request's {@code all_tenants=true}; ignored by operations without it
   * @throws ApiError 403 {@code APIGW.0302} when the caller may not, 400 for a malformed project id
   *     in the path of an allowed caller, 401 when the request is not authenticated by a token
   */
  public Scope authorize(
      Operation operation, String pathProjectId, boolean allTenants, SecurityContext security) {
    Caller caller = callerOf(security);
    if (allTenants && operation.takesAllTenants()) {
      if (!inAnyRole(security, operation.allTenantsRoles())) {
        throw ApiError.forbidden("Only administrators can query the backups of all tenants");
      }
      return Scope.allTenants();
    }
    if (inAnyRole(security, operation.anyProjectRoles())) {
      return Scope.of(pathProject(pathProjectId));
    }
    if (!operation.everyCallerInOwnProject()) {
      throw ApiError.forbidden("Only the roles admin and backup_engine may write checkpoint items");
    }
    if (!caller.projectId().value().equals(pathProjectId)) {
      throw ApiError.forbidden("The token does not grant access to this project");
    }
    return Scope.of(caller.projectId());
  }

  /**
   * The caller of an authenticated request.
   *
   * @throws ApiError 401 when the request was not authenticated by a token
   */
  public static Caller callerOf(SecurityContext security) {
    if (security != null && security.getUserPrincipal() instanceof Caller caller) {
      return caller;
    }
    throw ApiError.unauthorized();
  }

  private static boolean inAnyRole(SecurityContext security, Set<String> roles) {
    return roles.stream().anyMatch(security::isUserInRole);
  }

  private static ProjectId pathProject(String pathProjectId) {
    try {
      return new ProjectId(pathProjectId);
    } catch (InvalidParameterException e) {
      throw ApiError.invalidParameter(e.getMessage());
    }
  }
}
