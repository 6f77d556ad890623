package org.backupcatalog.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.backupcatalog.domain.item.ProjectId;

/**
 * Checks a token and reads the caller from it. Unsigned tokens ({@code alg: none}), encrypted ones,
 * algorithms without a configured key, bad signatures, a missing or past {@code exp}, a future
 * {@code nbf} and claims of the wrong type are all refused. Thread-safe once built.
 */
public final class TokenVerifier {

  /** Tolerated difference between the issuer's clock and ours, for {@code exp} and {@code nbf}. */
  public static final int MAX_CLOCK_SKEW_SECONDS = 60;

  public static final String DEFAULT_PROJECT_CLAIM = "project_id";
  public static final String DEFAULT_ROLES_CLAIM = "roles";

  private final ConfigurableJWTProcessor<SecurityContext> processor;
  private final String projectClaim;
  private final String rolesClaim;

  public TokenVerifier(VerificationKeys keys, String projectClaim, String rolesClaim) {
    this.projectClaim = Objects.requireNonNull(projectClaim, "projectClaim");
    this.rolesClaim = Objects.requireNonNull(rolesClaim, "rolesClaim");
    DefaultJWTProcessor<SecurityContext> jwt = new DefaultJWTProcessor<>();
    jwt.setJWSKeySelector(new OneKeyPerAlgorithm(keys.algorithms(), keys.source()));
    // Plain JWTs, and access tokens typed the way RFC 9068 issuers (Keycloak too) type them.
    jwt.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(null, Set.of("exp", projectClaim));
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

  private ProjectId projectOf(JWTClaimsSet claims) throws InvalidTokenException {
    String project;
    try {
      project = claims.getStringClaim(projectClaim);
    } catch (ParseException e) {
      throw new InvalidTokenException("claim " + projectClaim + " is not a string");
    }
    if (!ProjectId.isWellFormed(project)) {
      throw new InvalidTokenException("claim " + projectClaim + " is not a project id");
    }
    return new ProjectId(project);
  }

  private Set<String> rolesOf(JWTClaimsSet claims) throws InvalidTokenException {
    Object roles = claims.getClaim(rolesClaim);
    if (roles == null) {
      return Set.of();
    }
    if (!(roles instanceof List<?> list)) {
      throw new InvalidTokenException("claim " + rolesClaim + " is not an array");
    }
    Set<String> names = new LinkedHashSet<>();
    for (Object role : list) {
      if (!(role instanceof String name)) {
        throw new InvalidTokenException("claim " + rolesClaim + " holds a non-string");
      }
      names.add(name);
    }
    return names;
  }

  /**
   * Picks the configured key by algorithm alone. The stock selector also demands that a {@code kid}
   * in the header names the key; issuers such as Keycloak always send one, and with a single key
   * per algorithm there is nothing for it to choose between.
   */
  private static final class OneKeyPerAlgorithm
      extends JWSVerificationKeySelector<SecurityContext> {

    OneKeyPerAlgorithm(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> source) {
      super(algorithms, source);
    }

    @Override
    protected JWKMatcher createJWKMatcher(JWSHeader header) {
      JWSAlgorithm algorithm = header.getAlgorithm();
      if (!isAllowed(algorithm)) {
        return null;
      }
      return new JWKMatcher.Builder()
          .keyType(KeyType.forAlgorithm(algorithm))
          .keyUses(KeyUse.SIGNATURE, null)
          .algorithms(algorithm, null)
          .build();
    }
  }
}
