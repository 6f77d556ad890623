package org.backupcatalog.web.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import org.backupcatalog.web.testing.RunningCatalog;

/**
 * Raw HTTP for the ingest tests: exact bytes, exact headers (or none), answers as text, so that a
 * test sees what a client sees. Jersey's client would encode templates in query values, add a
 * Content-Type of its own and parse numbers before the test could look at them.
 */
final class IngestHttp {

  static final String JSON = "application/json";

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;

  IngestHttp(RunningCatalog catalog) {
    this.base = catalog.baseUri();
  }

  /** One answer: status, headers and body text, with the body parsed on demand. */
  record Reply(int status, java.net.http.HttpHeaders headers, String text) {

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(text))) {
        return reader.readObject();
      } catch (RuntimeException e) {
        throw new AssertionError("Not a JSON object (" + status + "): " + text, e);
      }
    }

    /** The {@code checkpoint_item} of a single-item answer, which must be its only member. */
    JsonObject item() {
      JsonObject body = json();
      assertEquals(1, body.size(), () -> "one member only: " + text);
      return body.getJsonObject("checkpoint_item");
    }

    /** Asserts the contract's error shape (CONTRACT section 6) and answers the error body. */
    JsonObject error(int expectedStatus, String expectedCode) {
      assertEquals(expectedStatus, status, () -> "status of " + text);
      String type = header("Content-Type");
      assertNotNull(type, "Content-Type of an error");
      assertTrue(type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"), type);
      JsonObject error = json();
      assertEquals(3, error.size(), text);
      if (expectedCode.endsWith("*")) {
        String prefix = expectedCode.substring(0, expectedCode.length() - 1);
        assertTrue(error.getString("error_code").startsWith(prefix), text);
      } else {
        assertEquals(expectedCode, error.getString("error_code"), text);
      }
      assertFalse(error.getString("error_msg").isBlank(), text);
      assertEquals(header("X-Request-Id"), error.getString("request_id"), text);
      for (String internal : new String[] {"Exception", "org.", "java.", "SQL", "\tat "}) {
        assertFalse(error.getString("error_msg").contains(internal), text);
      }
      return error;
    }
  }

  URI items(String project) {
    return base.resolve("v1/" + segment(project) + "/checkpoint_items");
  }

  URI item(String project, String id) {
    return base.resolve("v1/" + segment(project) + "/checkpoint_items/" + segment(id));
  }

  /** The list with these query parameters, form-encoded as the contract decodes them. */
  URI list(String project, Map<String, String> query) {
    StringJoiner q = new StringJoiner("&", "?", "");
    query.forEach(
        (name, value) ->
            q.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return URI.create(items(project) + (query.isEmpty() ? "" : q.toString()));
  }

  static String envelope(JsonValue item) {
    return Json.createObjectBuilder().add("checkpoint_item", item).build().toString();
  }

  Reply put(String project, String id, JsonObject item, String token) {
    return put(item(project, id), envelope(item), token, JSON);
  }

  Reply put(URI uri, String body, String token, String contentType, String... headers) {
    return put(uri, body.getBytes(StandardCharsets.UTF_8), token, contentType, headers);
  }

  /** A PUT of exactly these bytes; a null content type sends none. */
  Reply put(URI uri, byte[] body, String token, String contentType, String... headers) {
    HttpRequest.Builder request =
        request(uri, token, headers).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.build());
  }

  Reply get(URI uri, String token, String... headers) {
    return send(request(uri, token, headers).GET().build());
  }

  Reply get(String project, String id, String token) {
    return get(item(project, id), token);
  }

  Reply delete(String project, String id, String token) {
    return send(request(item(project, id), token).DELETE().build());
  }

  long count(String project, String token) {
    Reply reply = get(URI.create(items(project) + "/count"), token);
    assertEquals(200, reply.status(), reply::text);
    return reply.json().getJsonNumber("count").longValueExact();
  }

  HttpRequest.Builder request(URI uri, String token, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
    if (token != null) {
      request.header("X-Auth-Token", token);
    }
    for (int k = 0; k < headers.length; k += 2) {
      request.header(headers[k], headers[k + 1]);
    }
    return request;
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One path segment, percent-encoded (a space is %20 there, not +). */
  static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
