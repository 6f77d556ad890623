package org.backupcatalog.web.security;

import jakarta.annotation.PostConstruct;
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
 * Builds the token verifier once, when the application starts. Without a key the deployment fails
 * with a message that says which setting is missing: a catalog that accepted no token at all, or
 * any token, would be worse than one that does not start. The demo mode is the one exception: it
 * makes a random secret and logs tokens for the demo projects.
 */
@ApplicationScoped
public class TokenConfiguration {

  private static final Logger LOG = Logger.getLogger(TokenConfiguration.class.getName());

  private static final String NO_KEY =
      "No token key is configured, so no request could ever be authenticated. Set "
          + SecuritySettings.HS256_SECRET
          + " (environment BACKUP_AUTH_HS256_SECRET, at least 32 bytes) and/or "
          + SecuritySettings.RS256_PUBLIC_KEY_FILE
          + " (environment BACKUP_AUTH_RS256_PUBLIC_KEY_FILE, a PEM file), or "
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
      verifier = verifierFor(settings);
    } catch (IllegalArgumentException | IllegalStateException e) {
      String message = "The backup catalog refuses to start: " + e.getMessage();
      LOG.severe(message);
      throw new IllegalStateException(message, e);
    }
  }

  public TokenVerifier verifier() {
    return verifier;
  }

  static TokenVerifier verifierFor(SecuritySettings settings) {
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
    boolean demo = secret == null && rsa == null;
    if (demo) {
      if (!settings.demoData()) {
        throw new IllegalStateException(NO_KEY);
      }
      secret = new byte[VerificationKeys.MIN_SECRET_BYTES];
      new SecureRandom().nextBytes(secret);
    }
    TokenVerifier verifier =
        new TokenVerifier(
            VerificationKeys.of(secret, rsa), settings.projectClaim(), settings.rolesClaim());
    if (demo) {
      LOG.warning(
          DemoTokens.banner(
              secret,
              settings.projectClaim(),
              settings.rolesClaim(),
              ListenPort.guess(),
              Instant.now()));
    }
    return verifier;
  }
}
