package org.backupcatalog.web.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URL;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The identity provider's key set (JWKS) as fetched over the network, once per call: the caching,
 * rate limiting and outage tolerance around it are {@link KeySetPolicy}'s. The key set's URL is
 * either configured or found in the issuer's OpenID Connect discovery document, which is read at
 * the first fetch rather than at deployment, so that the catalog starts while the provider is down
 * (and serves the tokens it can check once the provider is back).
 *
 * <p>Failures are logged as warnings here, where they are already rate limited: one line per
 * attempt to reach the provider, never one per refused request.
 */
final class ProviderKeySet implements JWKSetSource<SecurityContext> {

  static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

  private static final Logger LOG = Logger.getLogger(ProviderKeySet.class.getName());

  private final ResourceRetriever retriever;
  private final String issuer;
  private volatile URL keySetUrl;
  private volatile List<String> lastKeyIds = List.of();

  private ProviderKeySet(ResourceRetriever retriever, URL keySetUrl, String issuer) {
    this.retriever = Objects.requireNonNull(retriever, "retriever");
    this.keySetUrl = keySetUrl;
    this.issuer = issuer;
  }

  /** The key set at this URL. */
  static ProviderKeySet at(URL keySetUrl, ResourceRetriever retriever) {
    return new ProviderKeySet(retriever, Objects.requireNonNull(keySetUrl, "keySetUrl"), null);
  }

  /**
   * The key set named by {@code jwks_uri} in the issuer's discovery document ({@code
   * <issuer>/.well-known/openid-configuration}), whose {@code issuer} must be this one exactly
   * (OpenID Connect Discovery 1.0, section 4.3).
   *
   * @throws IllegalArgumentException when the issuer is no URL keys may be fetched from
   */
  static ProviderKeySet discoveredFrom(String issuer, ResourceRetriever retriever) {
    ProviderUrls.require(issuer);
    return new ProviderKeySet(retriever, null, issuer);
  }

  /** The discovery document's URL for an issuer, with or without a trailing slash. */
  static URL discoveryUrl(String issuer) {
    String base = issuer.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return ProviderUrls.require(base + DISCOVERY_PATH);
  }

  @Override
  public JWKSet getJWKSet(
      JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
      throws KeySourceException {
    URL url = keySetUrl;
    try {
      if (url == null) {
        url = discover();
        keySetUrl = url;
      }
      JWKSet keys =
          new URLBasedJWKSetSource<SecurityContext>(url, retriever)
              .getJWKSet(refreshEvaluator, currentTime, context);
      noteKeys(url, keys);
      return keys;
    } catch (KeySourceException e) {
      LOG.warning(
          "Cannot fetch the token keys from "
              + (url == null ? discoveryUrl(issuer) : url)
              + ": "
              + e.getMessage()
              + (e.getCause() == null ? "" : " (" + e.getCause() + ")")
              + "; tokens signed with keys fetched before are still accepted");
      throw e;
    }
  }

  private URL discover() throws JWKSetUnavailableException {
    URL discovery = discoveryUrl(issuer);
    Map<String, Object> document;
    try {
      document = JSONObjectUtils.parse(retriever.retrieveResource(discovery).getContent());
    } catch (IOException | ParseException e) {
      throw new JWKSetUnavailableException("cannot read the discovery document " + discovery, e);
    }
    try {
      String announced = JSONObjectUtils.getString(document, "issuer");
      if (!issuer.equals(announced)) {
        throw new JWKSetUnavailableException(
            "the discovery document names the issuer \""
                + announced
                + "\", not the configured \""
                + issuer
                + "\"");
      }
      String jwksUri = JSONObjectUtils.getString(document, "jwks_uri");
      if (jwksUri == null) {
        throw new JWKSetUnavailableException("the discovery document has no jwks_uri");
      }
      return ProviderUrls.require(jwksUri);
    } catch (ParseException | IllegalArgumentException e) {
      throw new JWKSetUnavailableException("unusable discovery document: " + e.getMessage(), e);
    }
  }

  /** Logs the key ids when they change: the first fetch, and each rotation. */
  private void noteKeys(URL url, JWKSet keys) {
    List<String> ids = keys.getKeys().stream().map(ProviderKeySet::describe).toList();
    if (!ids.equals(lastKeyIds)) {
      lastKeyIds = ids;
      LOG.info("Token keys fetched from " + url + ": " + ids);
    }
  }

  private static String describe(JWK key) {
    return key.getKeyID()
        + " ("
        + key.getKeyType()
        + (key.getAlgorithm() == null ? "" : " " + key.getAlgorithm())
        + (key.getKeyUse() == null ? "" : " " + key.getKeyUse().identifier())
        + ")";
  }

  @Override
  public void close() {
    // Nothing held open: every fetch opens and closes its own connection.
  }
}
