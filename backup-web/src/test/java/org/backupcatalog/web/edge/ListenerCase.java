package org.backupcatalog.web.edge;

/**
 * What a generated request holds that an HTTP listener may refuse before any part of the WAR runs.
 * Whether a server's listener does, and with what, is {@link Listener}'s table (docs/edge.md).
 */
enum ListenerCase {
  /** A space or a tab inside the request target. */
  BLANK_IN_TARGET,
  /** {@code HTTP/9.9}. */
  UNKNOWN_VERSION,
  /** Text after the version: {@code HTTP/1.1 extra}. */
  TEXT_AFTER_VERSION,
  /** HTTP/1.1 without {@code Host}. */
  NO_HOST,
  /** The request line and headers together over 8 KB (Grizzly's header buffer). */
  HEAD_OVER_8_KB,
  /** A header line without a colon. */
  HEADER_WITHOUT_COLON,
  /** A control byte (0x01) in a header value. */
  CONTROL_BYTE_IN_HEADER,
  /** Bytes above 0x7F in a header value. */
  NON_ASCII_HEADER,
  /** 150 headers (Grizzly takes 100). */
  MANY_HEADERS,
  /** {@code %00} in the path. */
  ENCODED_NUL_IN_PATH,
  /** {@code %5C} (a backslash) in the path. */
  ENCODED_BACKSLASH_IN_PATH,
  /** Overlong UTF-8 ({@code %C0%AE}) in the path. */
  OVERLONG_UTF8_IN_PATH,
  /** {@code %E9}, not UTF-8 on its own, in the path. */
  NON_UTF8_ESCAPE_IN_PATH,
  /** Raw UTF-8 bytes (not {@code %}-escaped) in the path. */
  RAW_UTF8_IN_PATH,
  /** {@code %} not followed by two hex digits in the path. */
  BAD_ESCAPE_IN_PATH,
  /** {@code %} not followed by two hex digits in the query string. */
  BAD_ESCAPE_IN_QUERY,
  /** {@code Content-Length} not a number, or two of them. */
  BAD_CONTENT_LENGTH,
  /** A chunk size that is not hexadecimal. */
  BAD_CHUNK_SIZE,
  /** {@code Transfer-Encoding: chunked} and a {@code Content-Length}. */
  CHUNKED_AND_LENGTH,
  /** Bytes that are not HTTP at all. */
  NOT_HTTP
}
