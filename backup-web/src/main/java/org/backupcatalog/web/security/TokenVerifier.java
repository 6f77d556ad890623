package org.backupcatalog.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.io.Closeable;
import java.io.IOException;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
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
  private final JWTClaimsSetVerifier<SecurityContext> claimsVerifier;
  private final TokenRules rules;
  private final VerificationKeys keys;
  private final JWKSource<SecurityContext> keySet;
  private final VerifiedTokens verified;

  /** Top-level project and roles claims of these names, no issuer or audience check. */
  public TokenVerifier(VerificationKeys keys, String projectClaim, String rolesClaim) {
    this(keys, TokenRules.of(projectClaim, rolesClaim));
  }

  /** Keeps up to {@link VerifiedTokens#DEFAULT_SIZE} verified tokens. */
  public TokenVerifier(VerificationKeys keys, TokenRules rules) {
    this(keys, rules, VerifiedTokens.DEFAULT_SIZE);
  }

  /**
   * @param cacheSize how many verified tokens to keep, so that a token sent again is not parsed and
   *     its signature not checked again; 0 keeps none
   */
  public TokenVerifier(VerificationKeys keys, TokenRules rules, int cacheSize) {
    this(keys, rules, cacheSize, Clock.systemUTC());
  }

  /** With the clock {@code exp} and {@code nbf} are checked against, for tests. */
  TokenVerifier(VerificationKeys keys, TokenRules rules, int cacheSize, Clock clock) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.keys = keys;
    this.keySet = keys.keySet();
    this.verified = new VerifiedTokens(cacheSize);
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
        new DefaultJWTClaimsVerifier<>(audiences, exactMatch, required, null) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    claims.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
    jwt.setJWTClaimsSetVerifier(claims);
    this.claimsVerifier = claims;
    this.processor = jwt;
  }

  /**
   * The caller and roles of a valid token.
   *
   * <p>A token verified before is answered from {@link VerifiedTokens} with the same outcome as a
   * full check, which would repeat deterministic steps on the same text: only what can change is
   * checked again, {@code exp} and {@code nbf} against the clock (by the same claims verifier,
   * hence the same refusal) and, for a token signed with a key set key, that the key set still
   * offers exactly the keys the token was verified with. When it does not (a key removed or
   * replaced), the token gets the full check, with the keys just selected.
   *
   * @throws InvalidTokenException for any token that must be answered with 401
   */
  public VerifiedToken verify(String token) throws InvalidTokenException {
    VerifiedTokens.Entry known = verified.get(token);
    VerificationKeys.Selection selection = new VerificationKeys.Selection();
    try {
      if (known != null) {
        List<? extends Key> current = null;
        if (known.keySetKeys() != null) {
          try {
            current = keys.keySetKeysFor(known.header());
          } catch (KeySourceException e) {
            verified.remove(token);
            throw e;
          }
        }
        if (current == null || current.equals(known.keySetKeys())) {
          try {
            claimsVerifier.verify(known.claims(), null);
          } catch (BadJWTException e) {
            verified.remove(token);
            throw e;
          }
          return known.token();
        }
        // Its key left the key set or changed: the full check decides, and keeps it if it passes.
        verified.remove(token);
        selection.preselect(current);
      }
      return verifyFully(token, selection);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new InvalidTokenException(e.getMessage());
    } catch (RuntimeException e) {
      // Untrusted input that trips the parser is still just a bad token, not a server failure.
      throw new InvalidTokenException("unreadable token: " + e);
    }
  }

  /** How many verified tokens are kept now, after any pending eviction (for tests). */
  long cachedTokens() {
    return verified.size();
  }

  /** Parses, checks the signature and every claim, and keeps the result when all pass. */
  private VerifiedToken verifyFully(String token, VerificationKeys.Selection selection)
      throws ParseException, BadJOSEException, JOSEException, InvalidTokenException {
    JWT jwt = JWTParser.parse(token);
    JWTClaimsSet claims = processor.process(jwt, selection);
    ProjectId project = projectOf(claims);
    String subject = claims.getSubject();
    String name = subject == null || subject.isEmpty() ? "unknown" : subject;
    VerifiedToken result = new VerifiedToken(new Caller(name, project), rolesOf(claims));
    // Only a signed token gets this far: plain and encrypted ones are refused by the processor.
    JWSHeader header = ((SignedJWT) jwt).getHeader();
    verified.put(token, new VerifiedTokens.Entry(result, claims, header, selection.keySetKeys()));
    return result;
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
