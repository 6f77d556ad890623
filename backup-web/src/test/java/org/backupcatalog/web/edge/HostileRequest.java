package org.backupcatalog.web.edge;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * One generated request and what the rules need to know about it.
 *
 * @param bytes the request exactly as sent
 * @param description how it was made, for a failure message (the bytes may be megabytes)
 * @param cases what it holds that an HTTP listener may refuse before any application hook runs;
 *     {@link Listener} says which of them a server's listener refuses, and how
 * @param halfClose whether the client shuts its output after sending (a truncated body ends)
 * @param member the project whose member sent it, or null: its answers must hold no item of another
 *     project
 * @param requestId the {@code X-Request-Id} sent, or null: a usable one is echoed
 * @param head whether the method is HEAD (an answer without a body)
 */
record HostileRequest(
    byte[] bytes,
    String description,
    Set<ListenerCase> cases,
    boolean halfClose,
    String member,
    String requestId,
    boolean head) {

  @Override
  public String toString() {
    String start = new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.ISO_8859_1);
    return description
        + " "
        + cases
        + " ["
        + bytes.length
        + " bytes: "
        + start.replace("\r\n", "\\r\\n")
        + "]";
  }
}
