package org.backupcatalog.web.security;

import java.util.Objects;
import java.util.Optional;

/**
 * What a token must say besides its signature and times: where its project and roles are, and, when
 * configured, the issuer it must come from ({@code iss}, exactly) and the audience it must be meant
 * for (one of {@code aud}). Without an issuer and an audience any token signed with a trusted key
 * is accepted, which is what a realm of the catalog's own, or a static key, needs.
 */
public record TokenRules(
    ClaimPath projectClaim,
    ClaimPath rolesClaim,
    Optional<String> issuer,
    Optional<String> audience) {

  public TokenRules {
    Objects.requireNonNull(projectClaim, "projectClaim");
    Objects.requireNonNull(rolesClaim, "rolesClaim");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
  }

  /** Top-level claims of these names, no issuer or audience check. */
  public static TokenRules of(String projectClaim, String rolesClaim) {
    return new TokenRules(
        ClaimPath.of(projectClaim), ClaimPath.of(rolesClaim), Optional.empty(), Optional.empty());
  }
}
