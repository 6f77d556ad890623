package org.backupcatalog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderUrlsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://keycloak.example/realms/backup/protocol/openid-connect/certs",
        "https://10.0.0.5:8443/jwks",
        "http://127.0.0.1:8080/realms/test",
        "http://localhost/jwks",
        "http://[::1]:9000/jwks"
      })
  void httpsAnywhereHttpOnLoopback(String url) {
    assertEquals(url, ProviderUrls.require(url).toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://keycloak.example/realms/backup",
        "http://10.0.0.5/jwks",
        "http://127.0.0.2/jwks",
        "http://localhost.example/jwks",
        "ftp://keycloak.example/jwks",
        "file:///etc/keys.json",
        "keycloak.example/realms/backup",
        "https:///no-host",
        "https://bad host/x",
        ""
      })
  void everythingElseIsRefused(String url) {
    assertThrows(IllegalArgumentException.class, () -> ProviderUrls.require(url));
  }

  @Test
  void schemeAndHostInAnyCase() {
    assertEquals(
        "https://Keycloak.Example/realms/x",
        ProviderUrls.require("HTTPS://Keycloak.Example/realms/x").toString());
    assertEquals("http://LOCALHOST/x", ProviderUrls.require("HTTP://LOCALHOST/x").toString());
  }
}
