package org.backupcatalog.web.edge;

import java.nio.charset.StandardCharsets;

/**
 * One generated request and what the rules need to know about it.
 *
 * @param bytes the request exactly as sent
 * @param description how it was made, for a failure message (the bytes may be megabytes)
 * @param listenerMayRefuse whether it holds something the HTTP listener refuses before any
 *     application hook runs (docs/edge.md lists them): then an empty 400 or 505, a close or no
 *     answer are allowed as well
 * @param halfClose whether the client shuts its output after sending (a truncated body ends)
 * @param member the project whose member sent it, or null: its answers must hold no item of another
 *     project
 * @param requestId the {@code X-Request-Id} sent, or null: a usable one is echoed
 * @param head whether the method is HEAD (an answer without a body)
 */
record HostileRequest(
    byte[] bytes,
    String description,
    boolean listenerMayRefuse,
    boolean halfClose,
    String member,
    String requestId,
    boolean head) {

  @Override
  public String toString() {
    String start = new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.ISO_8859_1);
    return description + " [" + bytes.length + " bytes: " + start.replace("\r\n", "\\r\\n") + "]";
  }
}
