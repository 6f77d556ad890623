package org.backupcatalog.web.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Locale;
import java.util.Set;

/**
 * The rule for the URLs keys are fetched from: HTTPS, so that nobody on the way can hand the
 * catalog keys of their own, or plain HTTP to this machine's loopback address only (tests, a
 * provider reached through a local sidecar).
 */
final class ProviderUrls {

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

  private ProviderUrls() {}

  /**
   * The URL, checked.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  static URL require(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("\"" + url + "\" is not a URL: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException("\"" + url + "\" is not an https:// URL with a host");
    }
    if (scheme.equals("http") && !LOOPBACK.contains(host)) {
      throw new IllegalArgumentException(
          "\""
              + url
              + "\" is plain http: keys are fetched over https only"
              + " (http only from 127.0.0.1, localhost or [::1])");
    }
    try {
      return uri.toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + url + "\" is not a URL: " + e.getMessage(), e);
    }
  }
}
