package org.backupcatalog.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.Closeable;
import java.io.IOException;
import java.text.ParseException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.backupcatalog.domain.item.ProjectId;

/**
 * Checks a token and reads the caller from it. Unsigned tokens ({@code alg: none}), encrypted ones,
 * algorithms without a configured key, bad signatures, a missing or past {@code exp}, a future
 * {@code nbf}, a wrong issuer or audience (when configured) and claims of the wrong type are all
 * refused. Thread-safe once built; {@link #close} stops the key set's background refresh.
 */
public final class TokenVerifier implements AutoCloseable {

  /** Tolerated difference between the issuer's clock and ours, for {@code exp} and {@code nbf}. */
  public static final int MAX_CLOCK_SKEW_SECONDS = 60;

  public static final String DEFAULT_PROJECT_CLAIM = "project_id";
  public static final String DEFAULT_ROLES_CLAIM = "roles";

  private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());

  private final ConfigurableJWTProcessor<SecurityContext> processor;
  private final TokenRules rules;
  private final JWKSource<SecurityContext> keySet;

  /** Top-level project and roles claims of these names, no issuer or audience check. */
  public TokenVerifier(VerificationKeys keys, String projectClaim, String rolesClaim) {
    this(keys, TokenRules.of(projectClaim, rolesClaim));
  }

  public TokenVerifier(VerificationKeys keys, TokenRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.keySet = keys.keySet();
    DefaultJWTProcessor<SecurityContext> jwt = new DefaultJWTProcessor<>();
    jwt.setJWSKeySelector(keys.selector());
    // Plain JWTs, and access tokens typed the way RFC 9068 issuers (Keycloak too) type them.
    jwt.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    JWTClaimsSet exactMatch =
        rules.issuer().map(iss -> new JWTClaimsSet.Builder().issuer(iss).build()).orElse(null);
    Set<String> required = new HashSet<>(Set.of("exp"));
    rules.issuer().ifPresent(iss -> required.add("iss"));
    // Mutable sets: Nimbus asks them whether they contain null, which Set.of answers with an NPE.
    Set<String> audiences = rules.audience().map(aud -> new HashSet<>(Set.of(aud))).orElse(null);
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(audiences, exactMatch, required, null);
    claims.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
    jwt.setJWTClaimsSetVerifier(claims);
    this.processor = jwt;
  }

  /**
   * The caller and roles of a valid token.
   *
   * @throws InvalidTokenException for any token that must be answered with 401
   */
  public VerifiedToken verify(String token) throws InvalidTokenException {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new InvalidTokenException(e.getMessage());
    } catch (RuntimeException e) {
      // Untrusted input that trips the parser is still just a bad token, not a server failure.
      throw new InvalidTokenException("unreadable token: " + e);
    }
    ProjectId project = projectOf(claims);
    String subject = claims.getSubject();
    String name = subject == null || subject.isEmpty() ? "unknown" : subject;
    return new VerifiedToken(new Caller(name, project), rolesOf(claims));
  }

  /** Stops the key set's refresh, when there is one. */
  @Override
  public void close() {
    if (keySet instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "could not close the key set", e);
      }
    }
  }

  private ProjectId projectOf(JWTClaimsSet claims) throws InvalidTokenException {
    ClaimPath claim = rules.projectClaim();
    Object project = claim.find(claims.getClaims()).orElse(null);
    if (project == null) {
      throw new InvalidTokenException("claim " + claim + " is missing");
    }
    if (!(project instanceof String id)) {
      throw new InvalidTokenException("claim " + claim + " is not a string");
    }
    if (!ProjectId.isWellFormed(id)) {
      throw new InvalidTokenException("claim " + claim + " is not a project id");
    }
    return new ProjectId(id);
  }

  private Set<String> rolesOf(JWTClaimsSet claims) throws InvalidTokenException {
    ClaimPath claim = rules.rolesClaim();
    Object roles = claim.find(claims.getClaims()).orElse(null);
    if (roles == null) {
      return Set.of();
    }
    if (!(roles instanceof List<?> list)) {
      throw new InvalidTokenException("claim " + claim + " is not an array");
    }
    Set<String> names = new LinkedHashSet<>();
    for (Object role : list) {
      if (!(role instanceof String name)) {
        throw new InvalidTokenException("claim " + claim + " holds a non-string");
      }
      names.add(name);
    }
    return names;
  }
}
