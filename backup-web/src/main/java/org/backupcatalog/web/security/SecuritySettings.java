package org.backupcatalog.web.security;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The security configuration, read through MicroProfile Config (so each key can also be given as an
 * environment variable: {@code backup.auth.hs256-secret} as {@code BACKUP_AUTH_HS256_SECRET}).
 */
public record SecuritySettings(
    Optional<String> hs256Secret,
    Optional<String> rs256PublicKeyFile,
    String projectClaim,
    String rolesClaim,
    boolean demoData) {

  public static final String HS256_SECRET = "backup.auth.hs256-secret";
  public static final String RS256_PUBLIC_KEY_FILE = "backup.auth.rs256-public-key-file";
  public static final String PROJECT_CLAIM = "backup.auth.project-claim";
  public static final String ROLES_CLAIM = "backup.auth.roles-claim";
  public static final String DEMO_DATA = "backup.demo-data";

  public static SecuritySettings from(Config config) {
    return new SecuritySettings(
        config.getOptionalValue(HS256_SECRET, String.class),
        config.getOptionalValue(RS256_PUBLIC_KEY_FILE, String.class),
        config
            .getOptionalValue(PROJECT_CLAIM, String.class)
            .orElse(TokenVerifier.DEFAULT_PROJECT_CLAIM),
        config
            .getOptionalValue(ROLES_CLAIM, String.class)
            .orElse(TokenVerifier.DEFAULT_ROLES_CLAIM),
        config.getOptionalValue(DEMO_DATA, Boolean.class).orElse(false));
  }
}
