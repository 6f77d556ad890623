package org.backupcatalog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimPathTest {

  /** The claims of a Keycloak access token, as far as roles go. */
  private static final Map<String, Object> KEYCLOAK =
      Map.of(
          "sub", "u-1",
          "roles", List.of("top"),
          "realm_access", Map.of("roles", List.of("admin", "offline_access")),
          "resource_access",
              Map.of(
                  "backup-catalog", Map.of("roles", List.of("backup_engine")),
                  "my.client", Map.of("roles", List.of("dotted"))),
          "https://example.com/roles", List.of("namespaced"));

  private static Optional<Object> find(String path) throws InvalidTokenException {
    return ClaimPath.of(path).find(KEYCLOAK);
  }

  @Test
  void topLevelClaim() throws Exception {
    assertEquals(Optional.of(List.of("top")), find("roles"));
    assertEquals(Optional.of("u-1"), find("sub"));
  }

  @Test
  void nestedClaims() throws Exception {
    assertEquals(Optional.of(List.of("admin", "offline_access")), find("realm_access.roles"));
    assertEquals(
        Optional.of(List.of("backup_engine")), find("resource_access.backup-catalog.roles"));
  }

  @Test
  void namesWithDotsAreFoundWhole() throws Exception {
    assertEquals(Optional.of(List.of("namespaced")), find("https://example.com/roles"));
    assertEquals(Optional.of(List.of("dotted")), find("resource_access.my.client.roles"));
  }

  @Test
  void missingMembersAreEmpty() throws Exception {
    assertEquals(Optional.empty(), find("groups"));
    assertEquals(Optional.empty(), find("realm_access.groups"));
    assertEquals(Optional.empty(), find("resource_access.other-client.roles"));
  }

  @Test
  void descendingIntoANonObjectIsRefused() {
    assertThrows(InvalidTokenException.class, () -> find("sub.roles"));
    assertThrows(InvalidTokenException.class, () -> find("roles.admin"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", ".", "a.", ".a", "a..b"})
  void malformedPathsAreRefused(String path) {
    assertThrows(IllegalArgumentException.class, () -> ClaimPath.of(path));
  }
}
