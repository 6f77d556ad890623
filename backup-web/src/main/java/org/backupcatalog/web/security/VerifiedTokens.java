package org.backupcatalog.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import java.security.Key;
import java.util.List;

/**
 * The tokens verified lately, by their whole text, so that a client sending the same token with
 * each request pays for its parsing and signature once. Bounded by count (Caffeine evicts the least
 * useful entries); refusals are never kept, so a bad token costs a full check every time. What can
 * change after the check (the clock, the provider's keys) is checked again on each use by {@link
 * TokenVerifier}.
 */
final class VerifiedTokens {

  /**
   * Setting: how many verified tokens to keep (0 keeps none). An entry is the token's text and its
   * parsed claims, a few kilobytes at most, so the default costs a few megabytes when full.
   */
  static final String SIZE = "backup.auth.token-cache-size";

  static final int DEFAULT_SIZE = 1000;

  /**
   * A verified token.
   *
   * @param keySetKeys the key set's keys it was tried with, in trial order; null when its key is a
   *     configured one, which never changes
   */
  record Entry(
      VerifiedToken token, JWTClaimsSet claims, JWSHeader header, List<? extends Key> keySetKeys) {}

  private final Cache<String, Entry> entries;

  /**
   * @throws IllegalArgumentException when the size is negative
   */
  VerifiedTokens(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("the token cache size is " + size + ", at least 0");
    }
    this.entries =
        size == 0
            ? null
            // Eviction on the caller's thread: a container's request threads, not the common pool.
            : Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
  }

  /** The entry of a token verified before, or null. */
  Entry get(String token) {
    return entries == null ? null : entries.getIfPresent(token);
  }

  void put(String token, Entry entry) {
    if (entries != null) {
      entries.put(token, entry);
    }
  }

  /** Forgets a token whose entry no longer serves: expired, or its key is gone. */
  void remove(String token) {
    if (entries != null) {
      entries.invalidate(token);
    }
  }

  /** How many entries are kept, once pending evictions are done. */
  long size() {
    if (entries == null) {
      return 0;
    }
    entries.cleanUp();
    return entries.estimatedSize();
  }
}
