package org.backupcatalog.web.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.backupcatalog.web.item.IngestHttp.Reply;
import org.backupcatalog.web.testing.CatalogExtension;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a PUT stores, a GET returns (CONTRACT sections 1 and 5), as a property over random items
 * sent as raw JSON: the PUT's answer, the GET by id and the item in a filtered list are the same
 * JSON, and that JSON is what the contract makes of the body sent (computed by {@link
 * IngestItems#expected}, independently of the service's own codec).
 */
@ExtendWith(CatalogExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestRoundTripIT {

  private static final String PROJECT = "ingest-round-trip";
  private static final int ITEMS = 150;

  /** Client and catalog share the host's clock; this only absorbs scheduling, not clock skew. */
  private static final Duration CLOCK_SLACK = Duration.ofSeconds(1);

  private IngestHttp http;
  private String engine;
  private String member;

  @BeforeAll
  void connect(RunningCatalog catalog) {
    http = new IngestHttp(catalog);
    engine = TestTokens.engine(PROJECT).build();
    member = TestTokens.member(PROJECT).build();
  }

  @Test
  void everyRandomItemReadsBackAsTheContractNormalisesIt() {
    List<JsonObject> bodies = IngestItems.items().sampleStream().limit(ITEMS * 2L).toList();
    Iterator<String> suffixes = IngestItems.idSuffixes().sampleStream().iterator();
    Iterator<JsonObject> replacements = bodies.subList(ITEMS, bodies.size()).iterator();
    int replaced = 0;
    long before = http.count(PROJECT, member);
    for (int k = 0; k < ITEMS; k++) {
      String id = ("rt" + k + "-" + suffixes.next());
      id = id.substring(0, Math.min(64, id.length()));
      JsonObject body = withBodyId(bodies.get(k), id, k % 3 == 1);
      JsonObject stored = assertRoundTrip(id, body, 201, k % 2 == 0, null);
      if (k % 3 == 0) {
        // A replacement is whole: what the new body leaves out is unset again.
        assertRoundTrip(id, replacements.next(), 200, k % 2 == 1, header(id));
        replaced++;
      } else if (k % 3 == 1) {
        // PUT of what a GET returned stores it unchanged (a fixpoint of the normalisation).
        JsonObject again = assertRoundTrip(id, stored, 200, true, header(id));
        assertEquals(stored, again, () -> IngestItems.differences(stored, again).toString());
      }
    }
    assertEquals(before + ITEMS, http.count(PROJECT, member));
    assertTrue(replaced > ITEMS / 4);
  }

  /**
   * Edge times in every time field: the earliest stored (1900) to 9999, times before 1900 (the
   * Julian-Gregorian switch, which java.sql.Timestamp's calendar would shift) refused, leap days,
   * offsets that cross a day or a year, wall clocks that summer time skips or repeats where the
   * catalog runs (Berlin in IngestTimeZoneIT, Pacific/Chatham otherwise: 2024-09-29 02:45-03:45
   * does not exist there, 2024-04-07 02:45-03:45 comes twice).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0000-01-01T00:00:00, ",
    "0001-01-01T00:00:00Z, ",
    "1582-10-04T23:59:59.999999, ",
    "1582-10-10T12:00:00, ",
    "1582-10-15T00:00:00, ",
    "1600-02-29T12:00:00.5, ",
    "1900-01-01T00:30:00.25+01:00, ",
    "1900-01-01T00:00:00Z, 1900-01-01T00:00:00.000000",
    "1970-01-01T00:00:00.000001, 1970-01-01T00:00:00.000001",
    "2024-02-29T23:59:59.9-14:00, 2024-03-01T13:59:59.900000",
    "2024-03-31T02:30:00, 2024-03-31T02:30:00.000000",
    "2024-10-27T02:30:00+02:00, 2024-10-27T00:30:00.000000",
    "2024-04-07T03:00:00Z, 2024-04-07T03:00:00.000000",
    "2024-09-29T03:00:00Z, 2024-09-29T03:00:00.000000",
    "9999-12-31T23:59:59.999999, 9999-12-31T23:59:59.999999",
    "10000-01-01T00:00:00Z, ",
  })
  void edgeTimesAreStoredAndWrittenCanonically(String sent, String canonical) {
    String id = "time-" + Integer.toHexString(sent.hashCode());
    JsonObject body =
        Json.createObjectBuilder()
            .add("name", "edge time")
            .add("status", "available")
            .add("resource_id", "r-time")
            .add("resource_type", "OS::Nova::Server")
            .add("created_at", sent)
            .add("updated_at", sent)
            .add("protected_at", sent)
            .add("extend_info", Json.createObjectBuilder().add("finished_at", sent))
            .build();
    if (canonical == null) {
      // Before 1900 (JDBC would take such a day through the Julian calendar) or a five-digit
      // year: refused, not stored.
      Reply put = http.put(PROJECT, id, body, engine);
      put.error(400, "CSBS.9001");
      assertEquals(404, http.get(PROJECT, id, member).status());
      return;
    }
    JsonObject stored = assertRoundTrip(id, body, 201, true, null);
    for (String time :
        List.of(
            stored.getString("created_at"),
            stored.getString("updated_at"),
            stored.getString("protected_at"),
            stored.getJsonObject("extend_info").getString("finished_at"))) {
      assertEquals(canonical, time);
    }
    assertEquals(204, http.delete(PROJECT, id, engine).status());
  }

  /** Defaults of CONTRACT section 5 for the smallest body the contract accepts. */
  @Test
  void theSmallestBodyGetsEveryDefault() {
    JsonObject body =
        Json.createObjectBuilder()
            .add("name", "minimal")
            .add("status", "protecting")
            .add("resource_id", "r-min")
            .add("resource_type", "OS::Nova::Server")
            .add("created_at", "2017-04-18T01:21:52.7+08:00")
            .build();
    JsonObject stored = assertRoundTrip("minimal-item", body, 201, true, null);
    assertEquals("minimal-item", stored.getString("checkpoint_id"));
    assertEquals("2017-04-17T17:21:52.700000", stored.getString("created_at"));
    JsonObject extend = stored.getJsonObject("extend_info");
    assertEquals("na", extend.getString("copy_status"));
    assertEquals("na", extend.getString("supported_restore_mode"));
    assertEquals("QEMU", extend.getString("hypervisor_type"));
    assertEquals("0", extend.getJsonNumber("progress").toString());
    assertEquals("", extend.getString("fail_reason"));
    assertEquals("", extend.getString("fail_op"));
    assertEquals("", extend.getString("copy_from"));
    assertEquals(JsonObject.EMPTY_JSON_OBJECT, extend.getJsonObject("fail_code"));
    assertEquals(JsonObject.EMPTY_JSON_OBJECT, extend.getJsonObject("app_consistency"));
    assertEquals(JsonArray.EMPTY_JSON_ARRAY, extend.getJsonArray("volume_backups"));
    assertEquals(JsonArray.EMPTY_JSON_ARRAY, extend.getJsonArray("os_images_data"));
    assertTrue(extend.isNull("size"));
    assertTrue(extend.isNull("auto_trigger"));
    JsonObject data = stored.getJsonObject("backup_data");
    for (String key :
        List.of("__openstack_region_name", "cloudservicetype", "imagetype", "eip", "private_ip")) {
      assertEquals("", data.getString(key), key);
    }
    assertTrue(data.isNull("ram"));
    assertTrue(stored.isNull("description"));
    assertTrue(stored.isNull("policy_id"));
    assertTrue(stored.isNull("protected_at"));
  }

  /** The body's id, when given, must equal the path's (it then changes nothing). */
  private static JsonObject withBodyId(JsonObject body, String id, boolean add) {
    if (!add) {
      return body;
    }
    JsonObjectBuilder b = Json.createObjectBuilder(body);
    return b.add("id", id).build();
  }

  private String header(String id) {
    return http.get(PROJECT, id, member).header("ETag");
  }

  /**
   * PUTs {@code body} under {@code id} and checks the three reads of it against the contract's
   * expectation; answers the stored item.
   *
   * @param previousEtag the ETag before a replacement (it must change), null on creation
   */
  private JsonObject assertRoundTrip(
      String id, JsonObject body, int status, boolean byCheckpointId, String previousEtag) {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS).minus(CLOCK_SLACK);
    Reply put = http.put(PROJECT, id, body, engine);
    Instant after = Instant.now().plus(CLOCK_SLACK);
    String context = "PUT " + id + " " + IngestHttp.envelope(body) + " -> " + put.text();
    assertEquals(status, put.status(), context);
    String etag = put.header("ETag");
    assertNotNull(etag, context);
    assertTrue(etag.length() > 2 && etag.startsWith("\"") && etag.endsWith("\""), etag);
    if (status == 201) {
      assertEquals(http.item(PROJECT, id).toString(), put.header("Location"), context);
    } else {
      assertNotEquals(previousEtag, etag, "a replacement is a new version");
    }
    JsonObject stored = put.item();
    String writeTime = null;
    if (body.get("updated_at") == null || body.isNull("updated_at")) {
      writeTime = stored.getString("updated_at");
      Instant written = LocalDateTime.parse(writeTime).toInstant(ZoneOffset.UTC);
      assertTrue(
          !written.isBefore(before) && !written.isAfter(after),
          () -> "updated_at is the time of the write: " + context);
    }
    JsonObject expected = IngestItems.expected(body, id, writeTime);
    assertEquals(
        expected,
        stored,
        () -> "PUT answer differs " + IngestItems.differences(expected, stored) + "\n" + context);
    IngestItems.assertWireTypes(stored);

    Reply get = http.get(PROJECT, id, member);
    assertEquals(200, get.status(), get::text);
    JsonObject read = get.item();
    assertEquals(
        stored,
        read,
        () -> "GET differs " + IngestItems.differences(stored, read) + "\n" + context);
    assertEquals(etag, get.header("ETag"), "GET's ETag is the PUT's");

    JsonObject listed = listed(id, stored, byCheckpointId);
    assertEquals(
        stored,
        listed,
        () -> "list item differs " + IngestItems.differences(stored, listed) + "\n" + context);
    assertNull(get.header("Location"));
    return stored;
  }

  /** The item as a list filtered by its checkpoint_id or resource_id shows it, exactly once. */
  private JsonObject listed(String id, JsonObject stored, boolean byCheckpointId) {
    String filter = byCheckpointId ? "checkpoint_id" : "resource_id";
    Reply list = http.get(http.list(PROJECT, Map.of(filter, stored.getString(filter))), member);
    assertEquals(200, list.status(), list::text);
    List<JsonObject> found = new ArrayList<>();
    for (JsonObject item :
        list.json().getJsonArray("checkpoint_items").getValuesAs(JsonObject.class)) {
      if (item.getString("id").equals(id)) {
        found.add(item);
      }
      if (!stored.getString(filter).isEmpty()) {
        assertEquals(stored.getString(filter), item.getString(filter), "the filter applies");
      }
    }
    assertEquals(1, found.size(), () -> filter + " list: " + list.text());
    return found.get(0);
  }
}
