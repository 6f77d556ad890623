package org.backupcatalog.web.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backupcatalog.web.security.Roles;
import org.backupcatalog.web.security.TokenVerifier;

/**
 * Tokens for tests (CONTRACT section 2), unit and system tests alike. Every catalog started by
 * {@link CatalogExtension} is given {@link #SECRET} as {@code BACKUP_AUTH_HS256_SECRET}, so every
 * token built here with the defaults is valid there; the builder's variants make each kind of
 * invalid token the contract names.
 *
 * <pre>{@code
 * String member = TestTokens.member("project-a").build();
 * String admin = TestTokens.admin("project-a").build();
 * String expired = TestTokens.member("project-a").expiresAt(Instant.now().minusSeconds(3600)).build();
 * }</pre>
 */
public final class TestTokens {

  /** At least 32 bytes, as the contract asks of an HS256 secret. */
  public static final String SECRET = "system-tests-only-hs256-secret-0123456789";

  /** The environment variable that carries {@link #SECRET} to a catalog started as a process. */
  public static final String SECRET_VARIABLE = "BACKUP_AUTH_HS256_SECRET";

  private TestTokens() {}

  /** A token of {@code project} valid for an hour, with the given roles (none: a member). */
  public static String of(String project, String... roles) {
    return new Builder().subject("test-user-of-" + project).project(project).roles(roles).build();
  }

  /** A member of the project: no roles. */
  public static Builder member(String project) {
    return new Builder().subject("member-of-" + project).project(project).roles();
  }

  /** An admin whose token names the project. */
  public static Builder admin(String project) {
    return new Builder().subject("admin").project(project).roles(Roles.ADMIN);
  }

  /** A backup engine whose token names the project. */
  public static Builder engine(String project) {
    return new Builder().subject("engine").project(project).roles(Roles.BACKUP_ENGINE);
  }

  /** The secret's bytes, as the server uses them. */
  public static byte[] secretBytes() {
    return SECRET.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * One token. Defaults: HS256 with {@link #SECRET}, {@code iat} now, {@code exp} an hour from now,
   * no {@code nbf}. Claims are written as given, so a test can also put wrong types in them.
   */
  public static final class Builder {

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private JWSAlgorithm algorithm = JWSAlgorithm.HS256;
    private byte[] secret = secretBytes();
    private PrivateKey rsaKey;
    private JWSSigner signer;
    private String keyId;
    private JOSEObjectType type;
    private boolean unsecured;
    private boolean signatureStripped;

    private Builder() {
      issuedAt(Instant.now());
      expiresIn(Duration.ofHours(1));
    }

    public Builder subject(String subject) {
      return claim("sub", subject);
    }

    public Builder project(String project) {
      return claim(TokenVerifier.DEFAULT_PROJECT_CLAIM, project);
    }

    public Builder roles(String... roles) {
      return claim(TokenVerifier.DEFAULT_ROLES_CLAIM, List.of(roles));
    }

    public Builder expiresAt(Instant exp) {
      return claim("exp", Date.from(exp));
    }

    public Builder expiresIn(Duration lifetime) {
      return expiresAt(Instant.now().plus(lifetime));
    }

    public Builder notBefore(Instant nbf) {
      return claim("nbf", Date.from(nbf));
    }

    public Builder issuedAt(Instant iat) {
      return claim("iat", Date.from(iat));
    }

    /** Any claim, with any value; {@code null} leaves the claim out. */
    public Builder claim(String name, Object value) {
      if (value == null) {
        claims.remove(name);
      } else {
        claims.put(name, value);
      }
      return this;
    }

    public Builder without(String claim) {
      return claim(claim, null);
    }

    /** HMAC with another secret; the signer wants at least 32 bytes too. */
    public Builder hs256(byte[] otherSecret) {
      this.algorithm = JWSAlgorithm.HS256;
      this.secret = otherSecret.clone();
      this.rsaKey = null;
      this.signer = null;
      return this;
    }

    /** HMAC with another algorithm such as HS512, which needs a secret as long as its hash. */
    public Builder hmac(JWSAlgorithm hmacAlgorithm, byte[] otherSecret) {
      this.algorithm = hmacAlgorithm;
      this.secret = otherSecret.clone();
      this.rsaKey = null;
      this.signer = null;
      return this;
    }

    public Builder rs256(PrivateKey key) {
      this.algorithm = JWSAlgorithm.RS256;
      this.rsaKey = key;
      this.signer = null;
      return this;
    }

    /** Any algorithm with any signer, e.g. PS256 or ES256 with a key of an identity provider. */
    public Builder signedBy(JWSAlgorithm jwsAlgorithm, JWSSigner jwsSigner) {
      this.algorithm = jwsAlgorithm;
      this.signer = jwsSigner;
      return this;
    }

    public Builder issuer(String iss) {
      return claim("iss", iss);
    }

    /** One audience is written as a string, several as an array (both are valid {@code aud}s). */
    public Builder audience(String... aud) {
      return claim("aud", aud.length == 1 ? aud[0] : List.of(aud));
    }

    public Builder keyId(String kid) {
      this.keyId = kid;
      return this;
    }

    public Builder type(String typ) {
      this.type = new JOSEObjectType(typ);
      return this;
    }

    /** {@code alg: none}: header and claims, empty signature. */
    public Builder unsecured() {
      this.unsecured = true;
      return this;
    }

    /** Signed as configured, then sent without its signature part ({@code header.claims.}). */
    public Builder stripSignature() {
      this.signatureStripped = true;
      return this;
    }

    public String build() {
      JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
      claims.forEach(set::claim);
      if (unsecured) {
        return new PlainJWT(set.build()).serialize();
      }
      JWSHeader header = new JWSHeader.Builder(algorithm).keyID(keyId).type(type).build();
      SignedJWT jwt = new SignedJWT(header, set.build());
      try {
        JWSSigner chosen =
            signer != null
                ? signer
                : rsaKey != null ? new RSASSASigner(rsaKey, true) : new MACSigner(secret);
        jwt.sign(chosen);
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
      String token = jwt.serialize();
      return signatureStripped ? token.substring(0, token.lastIndexOf('.') + 1) : token;
    }
  }
}
