package org.backupcatalog.web.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Builds the token verifier once, when the application starts, and closes it (the key set's
 * refresh) when the application stops. Without a key the deployment fails with a message that says
 * which setting is missing: a catalog that accepted no token at all, or any token, would be worse
 * than one that does not start. The demo mode is the one exception: it makes a random secret and
 * logs tokens for the demo projects.
 */
@ApplicationScoped
public class TokenConfiguration {

  private static final Logger LOG = Logger.getLogger(TokenConfiguration.class.getName());

  private static final String NO_KEY =
      "No token key is configured, so no request could ever be authenticated. Set "
          + SecuritySettings.HS256_SECRET
          + " (environment BACKUP_AUTH_HS256_SECRET, at least 32 bytes) and/or "
          + SecuritySettings.RS256_PUBLIC_KEY_FILE
          + " (environment BACKUP_AUTH_RS256_PUBLIC_KEY_FILE, a PEM file), and/or the identity"
          + " provider's keys: "
          + SecuritySettings.ISSUER
          + " (environment BACKUP_AUTH_ISSUER, an OpenID Connect issuer URL) or "
          + SecuritySettings.JWKS_URL
          + " (environment BACKUP_AUTH_JWKS_URL); or "
          + SecuritySettings.DEMO_DATA
          + "=true (environment BACKUP_DEMO_DATA=true) for a demo with generated tokens.";

  @Inject private Config config;

  private TokenVerifier verifier;

  public TokenConfiguration() {}

  /** An already built verifier, for tests that run without a container. */
  TokenConfiguration(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  /** Forces the check at deployment rather than at the first request. */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    verifier();
  }

  @PostConstruct
  void configure() {
    SecuritySettings settings = SecuritySettings.from(config);
    try {
      int cacheSize =
          config
              .getOptionalValue(VerifiedTokens.SIZE, Integer.class)
              .orElse(VerifiedTokens.DEFAULT_SIZE);
      if (cacheSize < 0) {
        throw new IllegalArgumentException(
            VerifiedTokens.SIZE + " is " + cacheSize + "; give 0 to keep no token, or more");
      }
      verifier = verifierFor(settings, KeySetPolicy.DEFAULT, cacheSize);
    } catch (IllegalArgumentException | IllegalStateException e) {
      String message = "The backup catalog refuses to start: " + e.getMessage();
      LOG.severe(message);
      throw new IllegalStateException(message, e);
    }
  }

  public TokenVerifier verifier() {
    return verifier;
  }

  @PreDestroy
  void stop() {
    if (verifier != null) {
      verifier.close();
    }
  }

  static TokenVerifier verifierFor(SecuritySettings settings) {
    return verifierFor(settings, KeySetPolicy.DEFAULT);
  }

  static TokenVerifier verifierFor(SecuritySettings settings, KeySetPolicy policy) {
    return verifierFor(settings, policy, VerifiedTokens.DEFAULT_SIZE);
  }

  static TokenVerifier verifierFor(
      SecuritySettings settings, KeySetPolicy policy, int tokenCacheSize) {
    byte[] secret = null;
    if (settings.hs256Secret().isPresent()) {
      try {
        secret = VerificationKeys.secretOf(settings.hs256Secret().get());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(SecuritySettings.HS256_SECRET + ": " + e.getMessage(), e);
      }
    }
    RSAPublicKey rsa = null;
    if (settings.rs256PublicKeyFile().isPresent()) {
      try {
        rsa = VerificationKeys.readRsaPublicKey(Path.of(settings.rs256PublicKeyFile().get()));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            SecuritySettings.RS256_PUBLIC_KEY_FILE + ": " + e.getMessage(), e);
      }
    }
    TokenRules rules = rulesOf(settings);
    ProviderKeySet provider = providerOf(settings, secret != null || rsa != null, policy);
    if (provider != null && rsa != null) {
      throw new IllegalStateException(
          SecuritySettings.RS256_PUBLIC_KEY_FILE
              + " and "
              + SecuritySettings.JWKS_URL
              + " are both set: give RS256 keys either as a file or as the provider's key set,"
              + " not both");
    }
    boolean demo = secret == null && rsa == null && provider == null;
    if (demo) {
      if (!settings.demoData()) {
        throw new IllegalStateException(NO_KEY);
      }
      secret = new byte[VerificationKeys.MIN_SECRET_BYTES];
      new SecureRandom().nextBytes(secret);
    }
    JWKSource<SecurityContext> keySet = provider == null ? null : policy.keep(provider);
    TokenVerifier verifier =
        new TokenVerifier(VerificationKeys.of(secret, rsa, keySet), rules, tokenCacheSize);
    if (demo) {
      LOG.warning(
          DemoTokens.banner(
              secret,
              settings.projectClaim(),
              settings.rolesClaim(),
              settings.audience(),
              ListenPort.guess(),
              Instant.now()));
    }
    return verifier;
  }

  private static TokenRules rulesOf(SecuritySettings settings) {
    return new TokenRules(
        claimPath(SecuritySettings.PROJECT_CLAIM, settings.projectClaim()),
        claimPath(SecuritySettings.ROLES_CLAIM, settings.rolesClaim()),
        settings.issuer(),
        settings.audience());
  }

  private static ClaimPath claimPath(String setting, String value) {
    try {
      return ClaimPath.of(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + ": " + e.getMessage(), e);
    }
  }

  /**
   * The provider's key set: at {@code jwks-url} when set, else found through the issuer's discovery
   * document when an issuer is set and no static key is (with a static key the issuer is only
   * checked, so that adding it to an existing deployment fetches nothing); null otherwise.
   */
  private static ProviderKeySet providerOf(
      SecuritySettings settings, boolean staticKeys, KeySetPolicy policy) {
    if (settings.jwksUrl().isPresent()) {
      try {
        return ProviderKeySet.at(
            ProviderUrls.require(settings.jwksUrl().get()), policy.retriever());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(SecuritySettings.JWKS_URL + ": " + e.getMessage(), e);
      }
    }
    if (settings.issuer().isPresent() && !staticKeys) {
      try {
        return ProviderKeySet.discoveredFrom(settings.issuer().get(), policy.retriever());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            SecuritySettings.ISSUER
                + ": "
                + e.getMessage()
                + " (the keys are looked up in its "
                + ProviderKeySet.DISCOVERY_PATH
                + "; set "
                + SecuritySettings.JWKS_URL
                + " to name the key set directly)",
            e);
      }
    }
    return null;
  }
}
