package org.backupcatalog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backupcatalog.web.demo.DemoProjects;
import org.junit.jupiter.api.Test;

class DemoTokensTest {

  private static final Pattern CURL =
      Pattern.compile(
          "curl -s -H \"X-Auth-Token: ([^\"]+)\" \"http://localhost:(\\d+)/v1/([^/]+)/checkpoint_items\\?(all_tenants=true&)?limit=2\"");

  private final byte[] secret = "d".repeat(32).getBytes(StandardCharsets.UTF_8);
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private List<Matcher> lines(String banner) {
    return banner
        .lines()
        .filter(line -> line.startsWith("curl"))
        .map(CURL::matcher)
        .peek(m -> assertTrue(m.matches(), m.toString()))
        .toList();
  }

  @Test
  void oneLineForEachDemoMemberThenAdminThenEngine() throws Exception {
    String banner = DemoTokens.banner(secret, "project_id", "roles", 18080, now);
    List<Matcher> lines = lines(banner);
    assertEquals(DemoProjects.IDS.size() + 2, lines.size());
    TokenVerifier verifier =
        new TokenVerifier(VerificationKeys.of(secret, null), "project_id", "roles");
    for (int i = 0; i < lines.size(); i++) {
      Matcher line = lines.get(i);
      assertEquals("18080", line.group(2));
      VerifiedToken token = verifier.verify(line.group(1));
      String pathProject = line.group(3);
      assertEquals(pathProject, token.caller().projectId().value());
      if (i < DemoProjects.IDS.size()) {
        assertEquals(DemoProjects.IDS.get(i), pathProject);
        assertEquals(Set.of(), token.roles());
      } else if (i == DemoProjects.IDS.size()) {
        assertEquals(Set.of(Roles.ADMIN), token.roles());
        assertEquals("all_tenants=true&", line.group(4));
      } else {
        assertEquals(Set.of(Roles.BACKUP_ENGINE), token.roles());
      }
    }
  }

  @Test
  void theConsoleLinkFollowsTheAdminToken() {
    List<String> lines =
        DemoTokens.banner(secret, "project_id", "roles", 18080, now).lines().toList();
    int console = lines.indexOf(DemoTokens.consoleLine(18080).strip());
    assertTrue(console > 0, String.join("\n", lines));
    assertTrue(lines.get(console - 1).contains("all_tenants=true&"), "after the admin's line");
    assertTrue(lines.get(console).contains("http://localhost:18080/console/"));
  }

  @Test
  void tokensAreValidTwelveHours() throws Exception {
    for (Matcher line : lines(DemoTokens.banner(secret, "project_id", "roles", 8080, now))) {
      var claims = SignedJWT.parse(line.group(1)).getJWTClaimsSet();
      assertEquals(
          Duration.ofHours(12),
          Duration.between(
              claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()));
    }
  }

  @Test
  void configuredClaimNamesAreUsed() throws Exception {
    TokenVerifier verifier =
        new TokenVerifier(VerificationKeys.of(secret, null), "tenant", "groups");
    List<Matcher> lines = lines(DemoTokens.banner(secret, "tenant", "groups", 8080, now));
    assertEquals(
        Set.of(Roles.ADMIN), verifier.verify(lines.get(DemoProjects.IDS.size()).group(1)).roles());
  }

  @Test
  void demoProjectsAreWellFormedAndDistinct() {
    assertEquals(3, Set.copyOf(DemoProjects.IDS).size());
    DemoProjects.IDS.forEach(
        id -> assertTrue(org.backupcatalog.domain.item.ProjectId.isWellFormed(id)));
  }

  @Test
  void tokensNameTheConfiguredAudience() throws Exception {
    TokenVerifier verifier =
        new TokenVerifier(
            VerificationKeys.of(secret, null),
            new TokenRules(
                ClaimPath.of("project_id"),
                ClaimPath.of("realm_access.roles"),
                Optional.empty(),
                Optional.of("backup-catalog")));
    for (Matcher line :
        lines(
            DemoTokens.banner(
                secret,
                "project_id",
                "realm_access.roles",
                Optional.of("backup-catalog"),
                8080,
                now))) {
      verifier.verify(line.group(1));
    }
  }
}
