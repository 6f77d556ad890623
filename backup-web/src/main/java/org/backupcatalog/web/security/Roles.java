package org.backupcatalog.web.security;

/**
 * The role names of the contract. Tokens carry them as groups; the container maps each group to the
 * role of the same name, so code asks {@code isUserInRole(Roles.ADMIN)} and never compares strings.
 */
public final class Roles {

  /** Reads every project, may use {@code all_tenants}, may write. */
  public static final String ADMIN = "admin";

  /** Writes into any project; reads its own project only, like a member. */
  public static final String BACKUP_ENGINE = "backup_engine";

  private Roles() {}
}
