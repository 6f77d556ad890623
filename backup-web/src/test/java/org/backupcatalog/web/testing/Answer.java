package org.backupcatalog.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One HTTP answer read completely (status, headers, body text), so that a test can assert on it,
 * compare two answers and print it, after the connection is closed.
 */
public record Answer(int status, Map<String, List<String>> headers, String body) {

  /** Headers whose value differs between two identical requests. */
  private static final Set<String> PER_REQUEST = Set.of("date", "x-request-id");

  public static Answer of(Response response) {
    try (response) {
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      response.getStringHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
      String body = response.hasEntity() ? response.readEntity(String.class) : "";
      return new Answer(response.getStatus(), headers, body);
    }
  }

  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public JsonObject json() {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  /**
   * Asserts a CONTRACT section 6 error: the status, the code, a JSON body of exactly {@code
   * error_code}, {@code error_msg} and {@code request_id}, the latter equal to {@code
   * X-Request-Id}.
   *
   * @return the error body
   */
  public JsonObject assertError(int expectedStatus, String expectedCode) {
    assertEquals(expectedStatus, status, this::toString);
    MediaType type = MediaType.valueOf(header("Content-Type"));
    assertTrue(type.isCompatible(MediaType.APPLICATION_JSON_TYPE), this::toString);
    JsonObject error = json();
    assertEquals(Set.of("error_code", "error_msg", "request_id"), error.keySet(), this::toString);
    assertEquals(expectedCode, error.getString("error_code"), this::toString);
    assertFalse(error.getString("error_msg").isBlank(), this::toString);
    assertNotNull(header("X-Request-Id"), this::toString);
    assertEquals(header("X-Request-Id"), error.getString("request_id"), this::toString);
    return error;
  }

  /** The status, then the body as JSON when it is a success. */
  public JsonObject assertOk(int expectedStatus) {
    assertEquals(expectedStatus, status, this::toString);
    return json();
  }

  /**
   * What a client can tell apart between two answers: status, the names of the headers, the values
   * of all headers but the per-request ones, and the body without its {@code request_id}.
   */
  public Map<String, Object> observable() {
    Map<String, Object> seen = new TreeMap<>();
    seen.put(" status", status);
    headers.forEach(
        (name, values) ->
            seen.put(
                "header " + name.toLowerCase(java.util.Locale.ROOT),
                PER_REQUEST.contains(name.toLowerCase(java.util.Locale.ROOT)) ? "*" : values));
    if (body.isEmpty()) {
      seen.put("body", "");
    } else {
      JsonObject json = json();
      seen.put(
          "body",
          Json.createObjectBuilder(json).remove("request_id").build().toString()
              + (json.containsKey("request_id") ? " + request_id" : ""));
    }
    return seen;
  }

  @Override
  public String toString() {
    return status + " " + headers + " " + body;
  }
}
