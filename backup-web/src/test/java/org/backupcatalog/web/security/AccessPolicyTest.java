package org.backupcatalog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.domain.query.Scope;
import org.backupcatalog.web.error.ApiError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation for every kind of caller, on its own project, another one and a malformed one,
 * with and without {@code all_tenants}, against CONTRACT section 2 read row by row.
 */
class AccessPolicyTest {

  private static final String OWN = "project-a";
  private static final String OTHER = "project-b";
  private static final String MALFORMED = "no such/project";

  /** The kinds of callers: roles in the token, all of them issued for {@link #OWN}. */
  enum Kind {
    MEMBER(Set.of()),
    MEMBER_WITH_OTHER_ROLES(Set.of("viewer", "Admin", "admin ")),
    ENGINE(Set.of(Roles.BACKUP_ENGINE)),
    ADMIN(Set.of(Roles.ADMIN)),
    ADMIN_AND_ENGINE(Set.of(Roles.ADMIN, Roles.BACKUP_ENGINE));

    final Set<String> roles;

    Kind(Set<String> roles) {
      this.roles = roles;
    }

    boolean admin() {
      return roles.contains(Roles.ADMIN);
    }

    boolean writer() {
      return admin() || roles.contains(Roles.BACKUP_ENGINE);
    }
  }

  private final AccessPolicy policy = new AccessPolicy();

  static Stream<Arguments> everyCase() {
    List<Arguments> cases = new ArrayList<>();
    for (Operation operation : Operation.values()) {
      for (Kind kind : Kind.values()) {
        for (String path : List.of(OWN, OTHER, MALFORMED)) {
          for (boolean allTenants : List.of(false, true)) {
            cases.add(Arguments.of(operation, kind, path, allTenants));
          }
        }
      }
    }
    return cases.stream();
  }

  /**
   * The contract's rules, written out independently of the policy table: the answer is a scope, or
   * an HTTP status.
   */
  private static Object expected(Operation operation, Kind kind, String path, boolean allTenants) {
    boolean write = operation == Operation.PUT || operation == Operation.DELETE;
    boolean query = operation == Operation.LIST || operation == Operation.COUNT;
    if (write) {
      if (!kind.writer()) {
        return 403; // PUT and DELETE: roles admin and backup_engine only
      }
      return path.equals(MALFORMED) ? 400 : Scope.of(new ProjectId(path)); // into any project
    }
    if (query && allTenants) {
      return kind.admin() ? Scope.allTenants() : 403; // all_tenants: admins only
    }
    if (kind.admin()) {
      return path.equals(MALFORMED) ? 400 : Scope.of(new ProjectId(path)); // reads any project
    }
    // Members and backup engines read their token's project only.
    return path.equals(OWN) ? Scope.of(new ProjectId(OWN)) : 403;
  }

  @ParameterizedTest(name = "{0} by {1} on {2}, all_tenants={3}")
  @MethodSource("everyCase")
  void followsTheContract(Operation operation, Kind kind, String path, boolean allTenants) {
    Object expected = expected(operation, kind, path, allTenants);
    SecurityContext security = token(OWN, kind.roles);
    if (expected instanceof Scope scope) {
      assertEquals(scope, policy.authorize(operation, path, allTenants, security));
    } else {
      ApiError error =
          assertThrows(
              ApiError.class, () -> policy.authorize(operation, path, allTenants, security));
      assertEquals(expected, error.status());
      assertEquals(error.status() == 403 ? "APIGW.0302" : "CSBS.9001", error.code());
    }
  }

  @Test
  void everyOperationIsCovered() {
    assertEquals(Operation.values().length * Kind.values().length * 3 * 2, everyCase().count());
  }

  @Test
  void onlyListAndCountTakeAllTenants() {
    for (Operation operation : Operation.values()) {
      assertEquals(
          operation == Operation.LIST || operation == Operation.COUNT,
          operation.takesAllTenants(),
          operation.name());
    }
  }

  @Test
  void unauthenticatedRequestIs401() {
    SecurityContext nobody = new FakeSecurityContext(null, Set.of(Roles.ADMIN));
    for (Operation operation : Operation.values()) {
      ApiError error =
          assertThrows(ApiError.class, () -> policy.authorize(operation, OWN, false, nobody));
      assertEquals(401, error.status());
      assertEquals("APIGW.0301", error.code());
    }
  }

  @Test
  void principalOfAnotherKindIs401() {
    Principal foreign = () -> "someone";
    SecurityContext security = new FakeSecurityContext(foreign, Set.of(Roles.ADMIN));
    assertEquals(
        401,
        assertThrows(ApiError.class, () -> policy.authorize(Operation.GET, OWN, false, security))
            .status());
  }

  @Test
  void callerOfGivesTheTokensCaller() {
    assertEquals(
        new Caller("sub-of-" + OWN, new ProjectId(OWN)),
        AccessPolicy.callerOf(token(OWN, Set.of())));
  }

  @Test
  void rolesAreAskedOfTheContainer() {
    // A container that knows no roles (say, undeclared ones) makes an admin token a member's.
    SecurityContext unmapped =
        new FakeSecurityContext(new Caller("x", new ProjectId(OWN)), Set.of());
    assertThrows(ApiError.class, () -> policy.authorize(Operation.LIST, OTHER, false, unmapped));
  }

  private static SecurityContext token(String project, Set<String> roles) {
    return new FakeSecurityContext(new Caller("sub-of-" + project, new ProjectId(project)), roles);
  }

  /** What JAX-RS hands a resource after the mechanism logged the caller in. */
  private record FakeSecurityContext(Principal principal, Set<String> roles)
      implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return principal != null && roles.contains(role);
    }

    @Override
    public boolean isSecure() {
      return false;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
