package org.backupcatalog.web.security;

import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import java.time.Duration;

/**
 * How the provider's key set is kept (Nimbus's {@link JWKSourceBuilder} does the work):
 *
 * <ul>
 *   <li>cached for {@link #cacheTimeToLive}, and fetched again in the background shortly before
 *       that ends ({@link #refreshAhead}), so requests rarely wait for the provider;
 *   <li>fetched at once when a token names a key id the cache does not hold (a rotation), but at
 *       most twice per {@link #minRefreshInterval}: a flood of made-up key ids costs the provider
 *       two requests per interval, not one per token;
 *   <li>kept for {@link #outageTolerance} after the provider stopped answering, so that tokens
 *       signed with known keys keep working through an outage.
 * </ul>
 */
record KeySetPolicy(
    Duration cacheTimeToLive,
    Duration refreshTimeout,
    Duration refreshAhead,
    Duration minRefreshInterval,
    Duration outageTolerance,
    Duration connectTimeout,
    Duration readTimeout) {

  /** A key set is a few kilobytes; this bounds what a wrong URL can make the catalog read. */
  static final int SIZE_LIMIT_BYTES = 256 * 1024;

  /**
   * The production values. Ten seconds between forced refreshes lets a rotation through quickly
   * while bounding a flood to 12 fetches a minute; a day of outage tolerance outlives any access
   * token, so the provider's outage ends the catalog's service only once no client could have got a
   * token anyway.
   */
  static final KeySetPolicy DEFAULT =
      new KeySetPolicy(
          Duration.ofMinutes(5),
          Duration.ofSeconds(15),
          Duration.ofSeconds(30),
          Duration.ofSeconds(10),
          Duration.ofHours(24),
          Duration.ofSeconds(2),
          Duration.ofSeconds(3));

  /** The HTTP client for the discovery document and the key set. */
  ResourceRetriever retriever() {
    return new DefaultResourceRetriever(
        (int) connectTimeout.toMillis(), (int) readTimeout.toMillis(), SIZE_LIMIT_BYTES);
  }

  /** The provider's keys behind the cache, the rate limit and the outage tolerance. */
  JWKSource<SecurityContext> keep(JWKSetSource<SecurityContext> provider) {
    return JWKSourceBuilder.create(provider)
        .cache(cacheTimeToLive.toMillis(), refreshTimeout.toMillis())
        .refreshAheadCache(refreshAhead.toMillis(), false)
        .rateLimited(minRefreshInterval.toMillis())
        .outageTolerant(outageTolerance.toMillis())
        .build();
  }
}
