package org.backupcatalog.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.backupcatalog.web.demo.DemoProjects;

/**
 * The tokens of the demo mode: one member of each demo project, an admin and a backup engine, each
 * printed as a {@code curl} line that can be pasted as it is.
 */
final class DemoTokens {

  static final Duration LIFETIME = Duration.ofHours(12);

  private static final String RULE = "=".repeat(100);

  private DemoTokens() {}

  /** The framed block for the log. */
  static String banner(
      byte[] secret, String projectClaim, String rolesClaim, int port, Instant now) {
    return banner(secret, projectClaim, rolesClaim, Optional.empty(), port, now);
  }

  /** The framed block for the log; the tokens name the audience when one is configured. */
  static String banner(
      byte[] secret,
      String projectClaim,
      String rolesClaim,
      Optional<String> audience,
      int port,
      Instant now) {
    String home = DemoProjects.IDS.get(0);
    Minter mint = new Minter(secret, projectClaim, rolesClaim, audience, now);
    StringBuilder text = new StringBuilder();
    text.append('\n').append(RULE).append('\n');
    text.append("DEMO MODE (").append(SecuritySettings.DEMO_DATA).append("=true)");
    text.append(": no token key is configured, so tokens are checked with a random HS256 secret\n");
    text.append("made at this start. These tokens are valid until ")
        .append(now.plus(LIFETIME).truncatedTo(ChronoUnit.SECONDS))
        .append(" or until the service stops.\n");
    for (String project : DemoProjects.IDS) {
      text.append("\n# member of ").append(project).append('\n');
      text.append(curl(mint.token("demo-member-of-" + project, project), port, project, ""));
    }
    text.append("\n# admin: reads every project, may use all_tenants, may write\n");
    text.append(curl(mint.token("demo-admin", home, Roles.ADMIN), port, home, "all_tenants=true&"));
    text.append(consoleLine(port));
    text.append("\n# backup engine: writes into any project, reads ").append(home).append('\n');
    text.append(curl(mint.token("demo-backup-engine", home, Roles.BACKUP_ENGINE), port, home, ""));
    text.append(RULE);
    return text.toString();
  }

  /** The console's address, to open in a browser and sign in with the admin token above it. */
  static String consoleLine(int port) {
    return "# console: http://localhost:"
        + port
        + "/console/ (open it in a browser, sign in with the admin token above)\n";
  }

  private static String curl(String token, int port, String project, String query) {
    // The URL is quoted: zsh refuses an unquoted '?', and '&' would end the command.
    return "curl -s -H \"X-Auth-Token: "
        + token
        + "\" \"http://localhost:"
        + port
        + "/v1/"
        + project
        + "/checkpoint_items?"
        + query
        + "limit=2\"\n";
  }

  private record Minter(
      byte[] secret,
      String projectClaim,
      String rolesClaim,
      Optional<String> audience,
      Instant now) {

    String token(String subject, String project, String... roles) {
      JWTClaimsSet.Builder claims =
          new JWTClaimsSet.Builder()
              .subject(subject)
              .claim(projectClaim, project)
              .claim(rolesClaim, List.of(roles))
              .issueTime(Date.from(now))
              .expirationTime(Date.from(now.plus(LIFETIME)));
      audience.ifPresent(claims::audience);
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
      try {
        jwt.sign(new MACSigner(secret));
      } catch (JOSEException e) {
        throw new IllegalStateException("cannot sign a demo token", e);
      }
      return jwt.serialize();
    }
  }
}
