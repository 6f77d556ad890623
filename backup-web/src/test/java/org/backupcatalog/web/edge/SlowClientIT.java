package org.backupcatalog.web.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Slow clients against the executable jar's listener limits (docs/edge.md): a body trickling in
 * holds its request thread no longer than the request timeout (60 s), and clients trickling their
 * headers hold no request thread at all, so that everyone else is served meanwhile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowClientIT {

  private static final String PROJECT = "slow-clients";

  /** The listener's request-timeout-seconds, and what is allowed on top of it on a busy machine. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private static final Duration SLACK = Duration.ofSeconds(20);

  private static final int TRICKLERS = 220;

  private RunningCatalog catalog;

  @BeforeAll
  void start() {
    catalog =
        RunningCatalog.start("slow-clients", Map.of(TestTokens.SECRET_VARIABLE, TestTokens.SECRET));
  }

  @AfterAll
  void stop() {
    catalog.close();
  }

  @Test
  void aTricklingBodyIsCutAtTheRequestTimeout() throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PUT /v1/"
                  + PROJECT
                  + "/checkpoint_items/slow-1 HTTP/1.1\r\nHost: localhost\r\n"
                  + "X-Auth-Token: "
                  + TestTokens.engine(PROJECT).build()
                  + "\r\n"
                  + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
              .getBytes(StandardCharsets.ISO_8859_1));
      long started = System.nanoTime();
      String answer = trickleUntilAnswered(socket, REQUEST_TIMEOUT.plus(SLACK));
      long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
      System.out.printf(
          "a body trickling in at 2 bytes/s was cut after %d s: %s%n",
          seconds, answer.lines().findFirst().orElse("(closed)"));
      assertTrue(seconds < REQUEST_TIMEOUT.plus(SLACK).toSeconds(), "held for " + seconds + " s");
      if (!answer.isEmpty()) {
        assertTrue(answer.startsWith("HTTP/1.1 4"), answer);
        assertTrue(answer.contains("\"error_code\""), answer);
      }
    }
    try (Response stored = get("slow-1")) {
      assertEquals(404, stored.getStatus(), "nothing of the cut body was stored");
    }
  }

  @Test
  void clientsTricklingTheirHeadersHoldNoRequestThread() throws Exception {
    List<Socket> tricklers = new ArrayList<>();
    try {
      // More than the listener's 200 request threads (http-thread-pool): none may hold one.
      for (int i = 0; i < TRICKLERS; i++) {
        Socket socket = connect();
        socket
            .getOutputStream()
            .write(
                ("GET /v1/" + PROJECT + "/checkpoint_items HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
                    .getBytes(StandardCharsets.ISO_8859_1));
        tricklers.add(socket);
      }
      for (int round = 0; round < 10; round++) {
        for (Socket socket : tricklers) {
          socket.getOutputStream().write('a');
        }
        try (Response list = get("")) {
          assertEquals(
              200,
              list.getStatus(),
              "served while " + TRICKLERS + " clients trickle their headers");
        }
        Thread.sleep(500);
      }
    } finally {
      for (Socket socket : tricklers) {
        socket.close();
      }
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(catalog.baseUri().getHost(), catalog.baseUri().getPort());
    socket.setSoTimeout(500);
    return socket;
  }

  /** Sends a space every half second until the server answers or closes; the answer, or "". */
  private static String trickleUntilAnswered(Socket socket, Duration limit) throws IOException {
    long deadline = System.nanoTime() + limit.toNanos();
    InputStream in = socket.getInputStream();
    OutputStream out = socket.getOutputStream();
    while (System.nanoTime() < deadline) {
      try {
        out.write(' ');
        out.flush();
      } catch (IOException closed) {
        return readAnswer(in);
      }
      try {
        byte[] buffer = new byte[4096];
        int n = in.read(buffer);
        if (n < 0) {
          return "";
        }
        return new String(buffer, 0, n, StandardCharsets.ISO_8859_1) + readAnswer(in);
      } catch (SocketTimeoutException nothingYet) {
        // Still reading our body: keep trickling.
      }
    }
    return "still reading after " + limit;
  }

  private static String readAnswer(InputStream in) {
    try {
      return new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
    } catch (IOException closed) {
      return "";
    }
  }

  private Response get(String id) {
    String path = "v1/" + PROJECT + "/checkpoint_items" + (id.isEmpty() ? "" : "/" + id);
    return catalog
        .target(path)
        .request()
        .header("X-Auth-Token", TestTokens.member(PROJECT).build())
        .get();
  }
}
