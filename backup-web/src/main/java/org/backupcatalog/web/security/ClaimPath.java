package org.backupcatalog.web.security;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a claim sits in a token: a top-level name such as {@code roles}, or a dotted path into
 * nested objects such as {@code realm_access.roles} or {@code resource_access.backup-catalog.roles}
 * (Keycloak's own token shape).
 *
 * <p>At each level the longest run of segments that names a member is taken, so that names which
 * contain dots themselves still work: {@code https://example.com/roles} (a namespaced claim, as
 * some providers require) is one top-level name, and {@code resource_access.my.client.roles} finds
 * the client {@code my.client}. A path that is the name of a top-level claim therefore always means
 * that claim, exactly as before paths existed.
 */
public final class ClaimPath {

  private final String path;
  private final List<String> segments;

  private ClaimPath(String path) {
    this.path = path;
    this.segments = Arrays.asList(path.split("\\.", -1));
  }

  /**
   * A path of one or more dot-separated names.
   *
   * @throws IllegalArgumentException when it is blank or has an empty segment ({@code a..b}, {@code
   *     .a}, {@code a.})
   */
  public static ClaimPath of(String path) {
    Objects.requireNonNull(path, "path");
    ClaimPath claim = new ClaimPath(path);
    if (path.isBlank() || claim.segments.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException(
          "\"" + path + "\" is not a claim name or a dotted path of claim names (a.b.c)");
    }
    return claim;
  }

  /**
   * The value at this path in the token's claims.
   *
   * @return empty when a member on the way is missing
   * @throws InvalidTokenException when a member on the way is there but is not a JSON object
   */
  public Optional<Object> find(Map<String, Object> claims) throws InvalidTokenException {
    Map<?, ?> current = claims;
    int from = 0;
    while (true) {
      int to = longestMember(current, from);
      if (to < 0) {
        return Optional.empty();
      }
      Object value = current.get(String.join(".", segments.subList(from, to)));
      if (to == segments.size()) {
        return Optional.ofNullable(value);
      }
      if (!(value instanceof Map<?, ?> object)) {
        throw new InvalidTokenException(
            "claim " + String.join(".", segments.subList(0, to)) + " is not an object");
      }
      current = object;
      from = to;
    }
  }

  /** The end of the longest run of segments from {@code from} that names a member, else -1. */
  private int longestMember(Map<?, ?> object, int from) {
    for (int to = segments.size(); to > from; to--) {
      if (object.containsKey(String.join(".", segments.subList(from, to)))) {
        return to;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClaimPath that && path.equals(that.path);
  }

  @Override
  public int hashCode() {
    return path.hashCode();
  }

  @Override
  public String toString() {
    return path;
  }
}
