package org.backupcatalog.web.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request over a new plain socket, written byte for byte as given (no client library would send
 * a broken request line or a lying Content-Length), and the answer as it arrives: status, headers
 * (names in lower case, the last of repeated ones) and the body, de-chunked.
 */
final class RawHttp {

  private static final int REST_IDLE_MILLIS = 300;

  private final String host;
  private final int port;
  private final Duration timeout;

  RawHttp(URI base, Duration timeout) {
    this.host = base.getHost();
    this.port = base.getPort();
    this.timeout = timeout;
  }

  /** What came back for one request. */
  record Answer(Outcome outcome, int status, Map<String, String> headers, byte[] body) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      String text = bodyText();
      return outcome
          + (outcome == Outcome.ANSWERED ? " " + status + " " + headers + " " : " ")
          + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }
  }

  enum Outcome {
    ANSWERED,
    /** The server closed (or reset) the connection without a status line. */
    CLOSED,
    /** Nothing, or not a whole answer, within the timeout. */
    TIMED_OUT
  }

  /**
   * @param halfClose whether to shut the socket's output after the request, so that a server
   *     waiting for the rest of a truncated body sees its end rather than a slow client
   */
  Answer send(byte[] request, boolean halfClose) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
        if (halfClose) {
          socket.shutdownOutput();
        }
      } catch (SocketException refusedEarly) {
        // The server answered and closed before reading everything (e.g. 413): read what it said.
      }
      return read(socket);
    } catch (SocketTimeoutException e) {
      return new Answer(Outcome.TIMED_OUT, 0, Map.of(), new byte[0]);
    } catch (IOException e) {
      return new Answer(Outcome.CLOSED, 0, Map.of(), e.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static Answer read(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    String statusLine;
    try {
      statusLine = line(in);
    } catch (SocketException reset) {
      return new Answer(Outcome.CLOSED, 0, Map.of(), new byte[0]);
    }
    if (statusLine == null || !statusLine.startsWith("HTTP/") || statusLine.length() < 12) {
      return new Answer(
          Outcome.CLOSED,
          0,
          Map.of(),
          statusLine == null ? new byte[0] : statusLine.getBytes(StandardCharsets.ISO_8859_1));
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      if (colon > 0) {
        headers.put(
            header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            header.substring(colon + 1).trim());
      }
    }
    byte[] body;
    String length = headers.get("content-length");
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = chunked(in);
    } else if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else {
      // Whatever follows at once: an answer without a length is written in one go.
      socket.setSoTimeout(REST_IDLE_MILLIS);
      body = readRest(in);
    }
    return new Answer(Outcome.ANSWERED, status, headers, body);
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String size = line(in); size != null; size = line(in)) {
      int semicolon = size.indexOf(';');
      int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        break;
      }
      body.write(in.readNBytes(n));
      line(in);
    }
    return body.toByteArray();
  }

  /**
   * Up to the end of the stream; what came until a reset or the timeout otherwise (Grizzly keeps a
   * CONNECT's connection open after its answer, which has no length).
   */
  private static byte[] readRest(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        body.write(buffer, 0, n);
      }
    } catch (SocketException | SocketTimeoutException cutShort) {
      // The answer so far is the answer.
    }
    return body.toByteArray();
  }

  /** A line without its CRLF (or LF), ISO-8859-1; null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
