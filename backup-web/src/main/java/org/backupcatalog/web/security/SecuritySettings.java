package org.backupcatalog.web.security;

import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The security configuration, read through MicroProfile Config (so each key can also be given as an
 * environment variable: {@code backup.auth.hs256-secret} as {@code BACKUP_AUTH_HS256_SECRET}).
 * Blank values count as unset, so that an empty variable in a deployment template changes nothing.
 */
public record SecuritySettings(
    Optional<String> hs256Secret,
    Optional<String> rs256PublicKeyFile,
    Optional<String> jwksUrl,
    Optional<String> issuer,
    Optional<String> audience,
    String projectClaim,
    String rolesClaim,
    boolean demoData) {

  public static final String HS256_SECRET = "backup.auth.hs256-secret";
  public static final String RS256_PUBLIC_KEY_FILE = "backup.auth.rs256-public-key-file";
  public static final String JWKS_URL = "backup.auth.jwks-url";
  public static final String ISSUER = "backup.auth.issuer";
  public static final String AUDIENCE = "backup.auth.audience";
  public static final String PROJECT_CLAIM = "backup.auth.project-claim";
  public static final String ROLES_CLAIM = "backup.auth.roles-claim";
  public static final String DEMO_DATA = "backup.demo-data";

  /** Static keys only, no key set, issuer or audience: the settings before key sets existed. */
  public SecuritySettings(
      Optional<String> hs256Secret,
      Optional<String> rs256PublicKeyFile,
      String projectClaim,
      String rolesClaim,
      boolean demoData) {
    this(
        hs256Secret,
        rs256PublicKeyFile,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        projectClaim,
        rolesClaim,
        demoData);
  }

  public static SecuritySettings from(Config config) {
    return new SecuritySettings(
        config.getOptionalValue(HS256_SECRET, String.class),
        config.getOptionalValue(RS256_PUBLIC_KEY_FILE, String.class),
        text(config, JWKS_URL),
        text(config, ISSUER),
        text(config, AUDIENCE),
        text(config, PROJECT_CLAIM).orElse(TokenVerifier.DEFAULT_PROJECT_CLAIM),
        text(config, ROLES_CLAIM).orElse(TokenVerifier.DEFAULT_ROLES_CLAIM),
        config.getOptionalValue(DEMO_DATA, Boolean.class).orElse(false));
  }

  /** The environment variable MicroProfile Config maps to a setting, for messages. */
  public static String variableOf(String setting) {
    return setting.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  private static Optional<String> text(Config config, String name) {
    return config.getOptionalValue(name, String.class).map(String::strip).filter(s -> !s.isEmpty());
  }
}
