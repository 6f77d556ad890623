package org.backupcatalog.web.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The production start's bound on the requests served at once ({@code REQUEST_THREADS} of {@code
 * deploy/payara-micro/run.sh}; docs/operations.md, "Request threads"), set to two: a body trickling
 * in holds one request thread and a list request is served beside it; two such bodies hold both,
 * and the list request waits, connected, until one of them is complete, then it is served.
 */
class RequestThreadsIT {

  private static final String PROJECT = "request-threads";

  /** What the trickling bodies announce; they send less until told to finish. */
  private static final int BODY_LENGTH = 10_000;

  /** How long the waiting request is watched while both threads are held. */
  private static final Duration HELD = Duration.ofSeconds(6);

  private static final Duration ANSWER = Duration.ofSeconds(60);

  @Test
  void aRequestBeyondTheBoundWaitsForAThreadThenIsServed() throws Exception {
    try (RunningCatalog catalog =
            RunningCatalog.start(
                RunningCatalog.Server.PAYARA_MICRO_LAUNCHER,
                "request-threads",
                Map.of(TestTokens.SECRET_VARIABLE, TestTokens.SECRET, "REQUEST_THREADS", "2"));
        TricklingBody first = new TricklingBody(catalog.baseUri(), "first")) {
      HttpClient client = HttpClient.newHttpClient();
      URI page = catalog.baseUri().resolve("v1/" + PROJECT + "/checkpoint_items?limit=1");
      HttpRequest list =
          HttpRequest.newBuilder(page)
              .header("X-Auth-Token", TestTokens.member(PROJECT).build())
              .build();

      first.trickleFor(Duration.ofSeconds(1));
      HttpResponse<String> beside =
          client
              .sendAsync(list, HttpResponse.BodyHandlers.ofString())
              .get(ANSWER.toSeconds(), TimeUnit.SECONDS);
      assertEquals(200, beside.statusCode(), "served beside one trickling body: " + beside.body());
      assertTrue(first.open(), "the first body was still trickling");

      try (TricklingBody second = new TricklingBody(catalog.baseUri(), "second")) {
        second.trickleFor(Duration.ofSeconds(1));
        CompletableFuture<HttpResponse<String>> waiting =
            client.sendAsync(list, HttpResponse.BodyHandlers.ofString());
        long until = System.nanoTime() + HELD.toNanos();
        while (System.nanoTime() < until) {
          first.trickleFor(Duration.ofMillis(500));
          second.trickleFor(Duration.ofMillis(500));
          assertFalse(waiting.isDone(), "served while both request threads were held");
        }
        String refused = first.finish();
        assertTrue(refused.startsWith("HTTP/1.1 400"), "the first body, complete: " + refused);
        HttpResponse<String> served = waiting.get(ANSWER.toSeconds(), TimeUnit.SECONDS);
        assertEquals(200, served.statusCode(), "served once a thread was free: " + served.body());
        assertTrue(second.open(), "the second body still held its thread meanwhile");
      }
    }
  }

  /**
   * A PUT whose body comes a byte at a time: the application reads it on a request thread, which it
   * holds until the body is complete. Finished, the body is an empty JSON object padded with
   * spaces, which the catalog refuses (400) without storing anything.
   */
  private static final class TricklingBody implements AutoCloseable {

    private final Socket socket;
    private int sent;

    TricklingBody(URI base, String id) throws IOException {
      socket = new Socket(base.getHost(), base.getPort());
      socket.setSoTimeout((int) ANSWER.toMillis());
      write(
          "PUT /v1/"
              + PROJECT
              + "/checkpoint_items/"
              + id
              + " HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: "
              + TestTokens.engine(PROJECT).build()
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + BODY_LENGTH
              + "\r\n\r\n{");
      sent = 1;
    }

    /** Sends a space every 100 ms for the time given. */
    void trickleFor(Duration time) throws IOException, InterruptedException {
      long until = System.nanoTime() + time.toNanos();
      while (System.nanoTime() < until) {
        write(" ");
        sent++;
        Thread.sleep(100);
      }
    }

    /** Whether the server is still waiting for the body: it has written nothing back yet. */
    boolean open() throws IOException {
      return socket.getInputStream().available() == 0;
    }

    /** Sends the rest of the body and returns the answer's first line. */
    String finish() throws IOException {
      write(" ".repeat(BODY_LENGTH - sent - 1) + "}");
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
        line.append((char) c);
      }
      return line.toString();
    }

    private void write(String text) throws IOException {
      OutputStream out = socket.getOutputStream();
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
