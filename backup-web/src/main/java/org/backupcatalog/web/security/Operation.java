package org.backupcatalog.web.security;

import java.util.Set;

/**
 * The operations of the API with who may call them: the policy table of CONTRACT section 2, in one
 * place. Read each row as: any caller in its own project (or not), holders of these roles in any
 * project, holders of these roles across all tenants (empty: the operation has no {@code
 * all_tenants}).
 */
public enum Operation {
  LIST(true, Set.of(Roles.ADMIN), Set.of(Roles.ADMIN)),
  COUNT(true, Set.of(Roles.ADMIN), Set.of(Roles.ADMIN)),
  GET(true, Set.of(Roles.ADMIN), Set.of()),
  PUT(false, Set.of(Roles.ADMIN, Roles.BACKUP_ENGINE), Set.of()),
  DELETE(false, Set.of(Roles.ADMIN, Roles.BACKUP_ENGINE), Set.of());

  private final boolean everyCallerInOwnProject;
  private final Set<String> anyProjectRoles;
  private final Set<String> allTenantsRoles;

  Operation(
      boolean everyCallerInOwnProject, Set<String> anyProjectRoles, Set<String> allTenantsRoles) {
    this.everyCallerInOwnProject = everyCallerInOwnProject;
    this.anyProjectRoles = anyProjectRoles;
    this.allTenantsRoles = allTenantsRoles;
  }

  /** Whether any authenticated caller may run it in the project of its token. */
  public boolean everyCallerInOwnProject() {
    return everyCallerInOwnProject;
  }

  /** The roles that may run it in any project. */
  public Set<String> anyProjectRoles() {
    return anyProjectRoles;
  }

  /** The roles that may run it across all tenants; empty when it has no such mode. */
  public Set<String> allTenantsRoles() {
    return allTenantsRoles;
  }

  /** Whether {@code all_tenants} is a parameter of this operation at all. */
  public boolean takesAllTenants() {
    return !allTenantsRoles.isEmpty();
  }
}
