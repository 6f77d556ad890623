package org.backupcatalog.web.security;

import java.util.Set;

/** What a valid token says: who calls, and the groups that become the caller's roles. */
public record VerifiedToken(Caller caller, Set<String> roles) {

  public VerifiedToken {
    roles = Set.copyOf(roles);
  }
}
