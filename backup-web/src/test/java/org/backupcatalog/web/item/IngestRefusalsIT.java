package org.backupcatalog.web.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every refusal of the ingest side (CONTRACT sections 1, 5 and 6) over HTTP: the contract's status
 * and error code, for 400 a message that names the field, and after each refused PUT the proof that
 * nothing was stored or changed: the replaced item reads as before (body and ETag), the created one
 * does not exist, the project's count is the same.
 */
@ExtendWith(CatalogExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestRefusalsIT {

  private static final String PROJECT = "ingest-refusals";
  private static final String OTHER = "ingest-refusals-other";
  private static final String EXISTING = "existing-item";
  private static final String FOREIGN = "foreign-item";
  private static final int MIB = 1024 * 1024;

  private final AtomicInteger fresh = new AtomicInteger();
  private IngestHttp http;
  private String engine;
  private String member;
  private String otherMember;

  @BeforeAll
  void fill(RunningCatalog catalog) {
    http = new IngestHttp(catalog);
    engine = TestTokens.engine(PROJECT).build();
    member = TestTokens.member(PROJECT).build();
    otherMember = TestTokens.member(OTHER).build();
    assertEquals(201, http.put(PROJECT, EXISTING, valid(), engine).status());
    Reply foreign = http.put(OTHER, FOREIGN, valid(), TestTokens.engine(OTHER).build());
    assertEquals(201, foreign.status(), foreign::text);
  }

  // ------------------------------------------------------------------ the body as a whole

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "{not json",
        "",
        "{\"checkpoint_item\": {",
        "{\"checkpoint_item\": {\"name\": \"x\",}}",
        "{'checkpoint_item': {}}",
        "{\"checkpoint_item\": {}} {}",
        "{\"checkpoint_item\": {}} trailing",
        "\uFEFF\uFFFF",
      })
  void aBodyThatIsNotJsonIs400(String body) {
    refusedPut(body, 400, "CSBS.9001", null);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"[]", "[{\"checkpoint_item\": {}}]", "\"text\"", "42", "null", "true"})
  void jsonThatIsNotAnObjectIs400(String body) {
    refusedPut(body, 400, "CSBS.9001", "checkpoint_item");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "{}",
        "{\"checkpoint_items\": ITEM}",
        "{\"item\": ITEM}",
        "{\"Checkpoint_Item\": ITEM}",
        "{\"checkpoint_item\": null}",
        "{\"checkpoint_item\": [ITEM]}",
        "{\"checkpoint_item\": \"x\"}",
      })
  void aBodyWithoutACheckpointItemObjectIs400(String template) {
    refusedPut(template.replace("ITEM", valid().toString()), 400, "CSBS.9001", "checkpoint_item");
  }

  // ------------------------------------------------------------------ required fields

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "name, absent",
    "name, null",
    "status, absent",
    "status, null",
    "resource_id, absent",
    "resource_id, null",
    "resource_type, absent",
    "resource_type, null",
    "created_at, absent",
    "created_at, null",
  })
  void aMissingRequiredFieldIs400NamingIt(String field, String how) {
    JsonObject body = with(valid(), field, how.equals("null") ? JsonValue.NULL : null);
    refusedPut(IngestHttp.envelope(body), 400, "CSBS.9001", field);
  }

  @Test
  void aNameMustBe1To255CharactersCountedInCodePoints() {
    refusedPut(item(with(valid(), "name", Json.createValue(""))), 400, "CSBS.9001", "name");
    refusedPut(
        item(with(valid(), "name", Json.createValue("x".repeat(256)))), 400, "CSBS.9001", "name");
    refusedPut(
        item(with(valid(), "name", Json.createValue("😀".repeat(256)))), 400, "CSBS.9001", "name");
    for (String name : new String[] {"😀".repeat(255), "x".repeat(255), "x"}) {
      String id = freshId();
      Reply put = http.put(PROJECT, id, with(valid(), "name", Json.createValue(name)), engine);
      assertEquals(201, put.status(), put::text);
      assertEquals(name, http.get(PROJECT, id, member).item().getString("name"));
    }
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(
      strings = {
        "ready",
        "Available",
        "AVAILABLE",
        "",
        " available",
        "available ",
        "waiting-protect"
      })
  void anUnknownStatusIs400(String status) {
    refusedPut(item(with(valid(), "status", Json.createValue(status))), 400, "CSBS.9001", "status");
  }

  // ------------------------------------------------------------------ types

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "name | 5",
        "status | true",
        "resource_id | 1",
        "resource_type | [\"OS::Nova::Server\"]",
        "description | {}",
        "checkpoint_id | 7",
        "created_at | 1492478512",
        "extend_info | \"x\"",
        "extend_info | []",
        "backup_data | []",
        "backup_data | true",
        "extend_info.size | \"10\"",
        "extend_info.size | 10.5",
        "extend_info.size | 9223372036854775808",
        "extend_info.size | true",
        "extend_info.progress | \"100\"",
        "extend_info.auto_trigger | \"true\"",
        "extend_info.auto_trigger | 1",
        "extend_info.copy_status | 0",
        "extend_info.volume_backups | {}",
        "extend_info.volume_backups | \"[]\"",
        "extend_info.volume_backups | [1]",
        "extend_info.volume_backups[0].bootable | \"yes\"",
        "extend_info.volume_backups[1].size | \"10\"",
        "extend_info.volume_backups[1].incremental | 0",
        "extend_info.os_images_data | {}",
        "extend_info.os_images_data[0].image_id | 5",
        "extend_info.fail_code | \"x\"",
        "extend_info.fail_code.Code | true",
        "extend_info.fail_code.Code | 1.5",
        "extend_info.fail_code.Code | {}",
        "extend_info.app_consistency | 1",
        "extend_info.app_consistency.app_consistency | \"1\"",
        "extend_info.finished_at | 5",
        "backup_data.ram | \"4096\"",
        "backup_data.vcpus | 2.5",
        "backup_data.eip | 10",
      })
  void aWronglyTypedFieldIs400NamingItsPath(String path, String json) {
    JsonObject body = with(valid(), path, parse(json));
    refusedPut(IngestHttp.envelope(body), 400, "CSBS.9001", path);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "2017-04-18 01:21:52",
        "2017-04-18T01:21:52.1234567",
        "2017-04-18T01:21:52.",
        "2017-02-30T00:00:00",
        "2017-04-18T24:00:00",
        "2016-12-31T23:59:60",
        "2017-04-18t01:21:52",
        "2017-04-18T01:21:52z",
        "2017-04-18T01:21:52+0100",
        "2017-04-18T01:21:52+01",
        "2017-04-18T01:21:52+19:00",
        "2017-04-18T01:21:52 +01:00",
        "2017-04-18T01:21",
        "2017-04-18",
        "17-04-18T01:21:52",
        "+2017-04-18T01:21:52",
        "2017-4-18T01:21:52",
        "9999-12-31T23:59:59-01:00",
        "0000-01-01T00:00:00+00:01",
        "yesterday",
        "",
      })
  void aBadTimeIs400NamingTheField(String time) {
    refusedPut(
        item(with(valid(), "created_at", Json.createValue(time))), 400, "CSBS.9001", "created_at");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"updated_at", "protected_at", "extend_info.finished_at"})
  void everyTimeFieldIsChecked(String field) {
    for (String time : new String[] {"2017-04-18 01:21:52", "2017-02-30T00:00:00", "today"}) {
      refusedPut(item(with(valid(), field, Json.createValue(time))), 400, "CSBS.9001", field);
    }
  }

  // ------------------------------------------------------------------ ids

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"other-id", "EXISTING-ITEM", "existing-item ", ""})
  void aBodyIdThatDiffersFromThePathIs400(String bodyId) {
    refusedPut(item(with(valid(), "id", Json.createValue(bodyId))), 400, "CSBS.9001", "id");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "a.b",
        "a b",
        "ä",
        "a+b",
        "a:b",
        "a@b",
        "a~b",
        "a,b",
        "😀",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "count",
      })
  void aMalformedPathIdIs400(String id) {
    long count = http.count(PROJECT, member);
    Reply put = http.put(PROJECT, id, valid(), engine);
    JsonObject error = put.error(400, "CSBS.9001");
    assertNames(error, "id");
    assertEquals(count, http.count(PROJECT, member));
  }

  @Test
  void sixtyFourCharactersOfTheIdAlphabetAreAnId() {
    String id = "Az09-_".repeat(10) + "abcd";
    assertEquals(64, id.length());
    assertEquals(201, http.put(PROJECT, id, valid(), engine).status());
    assertEquals(200, http.get(PROJECT, id, member).status());
  }

  @Test
  void theIdOfAnotherProjectsItemIs400AndChangesNothing() {
    Reply before = http.get(OTHER, FOREIGN, otherMember);
    assertEquals(200, before.status());
    long count = http.count(PROJECT, member);
    JsonObject changed = with(valid(), "name", Json.createValue("taken over"));
    Reply put = http.put(PROJECT, FOREIGN, changed, engine);
    assertNames(put.error(400, "CSBS.9001"), "id");
    Reply after = http.get(OTHER, FOREIGN, otherMember);
    assertEquals(before.header("ETag"), after.header("ETag"));
    assertEquals(before.item(), after.item());
    assertEquals(404, http.get(PROJECT, FOREIGN, member).status());
    assertEquals(count, http.count(PROJECT, member));
    // An admin of this project is no different: the path's project decides.
    Reply admin = http.put(PROJECT, FOREIGN, changed, TestTokens.admin(PROJECT).build());
    assertNames(admin.error(400, "CSBS.9001"), "id");
    assertEquals(before.item(), http.get(OTHER, FOREIGN, otherMember).item());
  }

  // ------------------------------------------------------------------ media type and size

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "text/plain",
        "text/plain; charset=UTF-8",
        "application/xml",
        "application/x-www-form-urlencoded",
        "application/octet-stream",
      })
  void aBodyThatIsNotSentAsJsonIs415(String contentType) {
    refused(IngestHttp.envelope(valid()), contentType, null, 415, "APIGW.*", null);
  }

  /** A Content-Type that is not a media type at all: 400 naming the header, 403 if forbidden. */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {";;;", "application/json; charset", "/"})
  void aMalformedContentTypeIs400NamingIt(String contentType) {
    refused(IngestHttp.envelope(valid()), contentType, null, 400, "CSBS.9001", "Content-Type");
    http.put(http.item(PROJECT, freshId()), IngestHttp.envelope(valid()), member, contentType)
        .error(403, "APIGW.0302");
  }

  @Test
  void aBodyWithoutContentTypeIs415() {
    refused(IngestHttp.envelope(valid()), null, null, 415, "APIGW.*", null);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {"application/json", "application/json; charset=UTF-8", "Application/JSON"})
  void jsonIsAcceptedWhateverItsSpelling(String contentType) {
    Reply put =
        http.put(http.item(PROJECT, freshId()), IngestHttp.envelope(valid()), engine, contentType);
    assertEquals(201, put.status(), put::text);
  }

  @Test
  void aBodyOfExactlyOneMebibyteIsAccepted() {
    String id = freshId();
    Reply put = http.put(http.item(PROJECT, id), padded(MIB), engine, IngestHttp.JSON);
    assertEquals(201, put.status(), () -> put.status() + " " + put.text());
  }

  @Test
  void aBodyOverOneMebibyteIs413() {
    refused(
        new String(padded(MIB + 1), StandardCharsets.UTF_8),
        IngestHttp.JSON,
        null,
        413,
        "APIGW.*",
        null);
  }

  @Test
  void aChunkedBodyOverOneMebibyteIs413() {
    chunkedPut(EXISTING, padded(MIB + 1), engine).error(413, "APIGW.*");
    assertEquals(200, http.get(PROJECT, EXISTING, member).status());
    assertEquals("existing", http.get(PROJECT, EXISTING, member).item().getString("name"));
  }

  /** CONTRACT 6: a forbidden call is 403 whatever it sends, an oversized body included. */
  @Test
  void aForbiddenCallerWithABodyOverOneMebibyteIs403() {
    String id = freshId();
    Reply declared = http.put(http.item(PROJECT, id), padded(MIB + 1), member, IngestHttp.JSON);
    declared.error(403, "APIGW.0302");
    chunkedPut(id, padded(MIB + 1), member).error(403, "APIGW.0302");
    assertEquals(404, http.get(PROJECT, id, member).status());
  }

  /** The engine's PUT of a valid item under {@code If-Match}. */
  private Reply putIfMatch(String id, String ifMatch) {
    return http.put(
        http.item(PROJECT, id),
        IngestHttp.envelope(valid()),
        engine,
        IngestHttp.JSON,
        "If-Match",
        ifMatch);
  }

  /** A PUT whose body has no declared length: the client sends it chunked. */
  private Reply chunkedPut(String id, byte[] body, String token) {
    return http.send(
        http.request(http.item(PROJECT, id), token, "Content-Type", IngestHttp.JSON)
            .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build());
  }

  // ------------------------------------------------------------------ If-Match

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"\"stale\"", "stale", "\"\"", "W/%s", "\"x\", W/%s"})
  void aStaleIfMatchIs412(String ifMatch) {
    String current = http.get(PROJECT, EXISTING, member).header("ETag");
    String header = ifMatch.replace("%s", current);
    JsonObject changed = with(valid(), "name", Json.createValue("changed"));
    refused(IngestHttp.envelope(changed), IngestHttp.JSON, header, 412, "CSBS.2003", null);
  }

  @Test
  void ifMatchOfTheCurrentEtagOrAStarReplaces() {
    String id = freshId();
    String etag = http.put(PROJECT, id, valid(), engine).header("ETag");
    Reply put = putIfMatch(id, etag);
    assertEquals(200, put.status(), put::text);
    Reply listed = putIfMatch(id, "\"other\", " + put.header("ETag"));
    assertEquals(200, listed.status(), listed::text);
    Reply star = putIfMatch(id, "*");
    assertEquals(200, star.status(), star::text);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"*", "\"some-etag\""})
  void anyIfMatchOnAMissingItemIs412AndCreatesNothing(String ifMatch) {
    long count = http.count(PROJECT, member);
    String id = freshId();
    Reply put = putIfMatch(id, ifMatch);
    put.error(412, "CSBS.2003");
    http.get(PROJECT, id, member).error(404, "CSBS.3001");
    assertEquals(count, http.count(PROJECT, member));
  }

  // ------------------------------------------------------------------ DELETE

  @Test
  void deletingAMissingItemIs404() {
    http.delete(PROJECT, "no-such-item", engine).error(404, "CSBS.3001");
    http.delete(PROJECT, "a.b", engine).error(404, "CSBS.3001");
  }

  @Test
  void deletingAnotherProjectsItemIs404AndKeepsIt() {
    Reply before = http.get(OTHER, FOREIGN, otherMember);
    http.delete(PROJECT, FOREIGN, engine).error(404, "CSBS.3001");
    http.delete(PROJECT, FOREIGN, TestTokens.admin(PROJECT).build()).error(404, "CSBS.3001");
    Reply after = http.get(OTHER, FOREIGN, otherMember);
    assertEquals(200, after.status());
    assertEquals(before.header("ETag"), after.header("ETag"));
  }

  @Test
  void aDeletedItemIsGoneEverywhereAndCanBeCreatedAgain() {
    String id = freshId();
    assertEquals(201, http.put(PROJECT, id, valid(), engine).status());
    long count = http.count(PROJECT, member);
    Reply delete = http.delete(PROJECT, id, engine);
    assertEquals(204, delete.status());
    assertTrue(delete.text().isEmpty(), delete::text);
    http.get(PROJECT, id, member).error(404, "CSBS.3001");
    http.delete(PROJECT, id, engine).error(404, "CSBS.3001");
    assertEquals(count - 1, http.count(PROJECT, member));
    Reply list = http.get(http.list(PROJECT, Map.of("checkpoint_id", "cp-valid")), member);
    for (JsonObject item :
        list.json().getJsonArray("checkpoint_items").getValuesAs(JsonObject.class)) {
      assertFalse(item.getString("id").equals(id), "deleted item listed");
    }
    assertEquals(201, http.put(PROJECT, id, valid(), engine).status());
  }

  // ------------------------------------------------------------------ who may write

  @Test
  void aMemberMayNotWriteEvenAWrongBody() {
    Reply put = http.put(PROJECT, EXISTING, with(valid(), "name", Json.createValue("m")), member);
    put.error(403, "APIGW.0302");
    Reply wrong = http.put(http.item(PROJECT, EXISTING), "{not json", member, IngestHttp.JSON);
    wrong.error(403, "APIGW.0302");
    http.delete(PROJECT, EXISTING, member).error(403, "APIGW.0302");
    assertEquals("existing", http.get(PROJECT, EXISTING, member).item().getString("name"));
  }

  @Test
  void withoutATokenEveryWriteIs401WhateverElseIsWrong() {
    http.put(http.item(PROJECT, EXISTING), IngestHttp.envelope(valid()), null, IngestHttp.JSON)
        .error(401, "APIGW.0301");
    http.put(http.item(PROJECT, EXISTING), "{not json", null, IngestHttp.JSON)
        .error(401, "APIGW.0301");
    http.put(http.item(PROJECT, EXISTING), "{}", null, "text/plain").error(401, "APIGW.0301");
    http.put(http.item(PROJECT, EXISTING), padded(MIB + 1), null, IngestHttp.JSON)
        .error(401, "APIGW.0301");
    http.delete(PROJECT, EXISTING, null).error(401, "APIGW.0301");
    assertEquals("existing", http.get(PROJECT, EXISTING, member).item().getString("name"));
  }

  /**
   * The contract bounds only {@code name}; longer texts elsewhere may be refused (400 naming the
   * field) or kept, but never fail inside (500) or come back cut.
   */
  @ParameterizedTest(name = "{0} x {1}")
  @CsvSource({
    "description, 4097",
    "resource_id, 256",
    "resource_type, 256",
    "checkpoint_id, 256",
    "policy_id, 256",
    "extend_info.fail_reason, 4097",
    "extend_info.resource_name, 256",
    "extend_info.fail_code.Code, 256",
    "extend_info.fail_code.Description, 4097",
    "extend_info.volume_backups[0].name, 256",
    "extend_info.os_images_data[0].image_id, 256",
    "backup_data.eip, 256",
  })
  void anOverLongTextIsRefusedByNameOrKeptWhole(String path, int length) {
    String text = "😀".repeat(length);
    JsonObject body = with(valid(), path, Json.createValue(text));
    String id = freshId();
    Reply put = http.put(PROJECT, id, body, engine);
    if (put.status() == 400) {
      assertNames(put.error(400, "CSBS.9001"), path);
      http.get(PROJECT, id, member).error(404, "CSBS.3001");
    } else {
      assertEquals(201, put.status(), put::text);
      JsonObject stored = http.get(PROJECT, id, member).item();
      assertEquals(IngestItems.expected(body, id, stored.getString("updated_at")), stored, path);
    }
  }

  // ------------------------------------------------------------------ helpers

  /** A complete, valid item: two volume backups, an image, a failure, app consistency. */
  private static JsonObject valid() {
    JsonObjectBuilder volume =
        Json.createObjectBuilder()
            .add("id", "vb")
            .add("name", "manualbk")
            .add("bootable", true)
            .add("incremental", false)
            .add("size", 10);
    return Json.createObjectBuilder()
        .add("name", "existing")
        .add("status", "available")
        .add("resource_id", "r-1")
        .add("resource_type", "OS::Nova::Server")
        .add("checkpoint_id", "cp-valid")
        .add("created_at", "2017-04-15T04:20:37.277880")
        .add("updated_at", "2017-04-15T04:25:38.680638")
        .add(
            "extend_info",
            Json.createObjectBuilder()
                .add("auto_trigger", false)
                .add("size", 40)
                .add("progress", 100)
                .add("copy_status", "na")
                .add("volume_backups", Json.createArrayBuilder().add(volume).add(volume))
                .add(
                    "os_images_data",
                    Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("image_id", "img")))
                .add("fail_code", Json.createObjectBuilder().add("Code", 1).add("Description", "d"))
                .add("app_consistency", Json.createObjectBuilder().add("app_consistency", 1))
                .add("finished_at", "2017-04-15T04:25:38.675478"))
        .add("backup_data", Json.createObjectBuilder().add("ram", 4096).add("eip", ""))
        .build();
  }

  private static String item(JsonObject body) {
    return IngestHttp.envelope(body);
  }

  /** A valid envelope padded (by an unknown extend_info key) to exactly {@code bytes} bytes. */
  private static byte[] padded(int bytes) {
    JsonObject base = valid();
    int overhead =
        IngestHttp.envelope(with(base, "extend_info.padding", Json.createValue("")))
            .getBytes(StandardCharsets.UTF_8)
            .length;
    String body =
        IngestHttp.envelope(
            with(base, "extend_info.padding", Json.createValue("p".repeat(bytes - overhead))));
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    assertEquals(bytes, raw.length);
    return raw;
  }

  private static JsonValue parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader("[" + json + "]"))) {
      return reader.readArray().get(0);
    }
  }

  /**
   * {@code base} with the member at {@code path} (dots for objects, {@code [i]} for list entries)
   * set to {@code value}, or removed when {@code value} is null.
   */
  static JsonObject with(JsonObject base, String path, JsonValue value) {
    return (JsonObject) with((JsonValue) base, path, value);
  }

  private static JsonValue with(JsonValue base, String path, JsonValue value) {
    int dot = path.indexOf('.');
    String head = dot < 0 ? path : path.substring(0, dot);
    String rest = dot < 0 ? null : path.substring(dot + 1);
    int bracket = head.indexOf('[');
    String key = bracket < 0 ? head : head.substring(0, bracket);
    JsonObjectBuilder object = Json.createObjectBuilder(base.asJsonObject());
    if (bracket >= 0) {
      int index = Integer.parseInt(head.substring(bracket + 1, head.length() - 1));
      JsonArrayBuilder list = Json.createArrayBuilder(base.asJsonObject().getJsonArray(key));
      JsonValue entry = base.asJsonObject().getJsonArray(key).get(index);
      list.set(index, rest == null ? value : with(entry, rest, value));
      return object.add(key, list).build();
    }
    if (rest != null) {
      JsonValue inner = base.asJsonObject().getOrDefault(key, JsonValue.EMPTY_JSON_OBJECT);
      return object.add(key, with(inner, rest, value)).build();
    }
    return value == null ? object.remove(key).build() : object.add(key, value).build();
  }

  private String freshId() {
    return "fresh-" + fresh.incrementAndGet();
  }

  /** A refused PUT of a JSON body, to an existing and to a new id. */
  private void refusedPut(String body, int status, String code, String field) {
    refused(body, IngestHttp.JSON, null, status, code, field);
  }

  /**
   * PUTs {@code body} over the existing item and as a new one; both must be refused alike, the
   * existing item read as before (body and ETag), the new one not exist, the count stay.
   */
  private void refused(
      String body, String contentType, String ifMatch, int status, String code, String field) {
    Reply before = http.get(PROJECT, EXISTING, member);
    assertEquals(200, before.status(), before::text);
    long count = http.count(PROJECT, member);
    String[] headers = ifMatch == null ? new String[0] : new String[] {"If-Match", ifMatch};

    Reply replace = http.put(http.item(PROJECT, EXISTING), body, engine, contentType, headers);
    JsonObject error = replace.error(status, code);
    if (field != null) {
      assertNames(error, field);
    }
    Reply after = http.get(PROJECT, EXISTING, member);
    assertEquals(before.header("ETag"), after.header("ETag"), "the existing item is unchanged");
    assertEquals(before.item(), after.item(), "the existing item is unchanged");

    if (ifMatch == null) {
      String id = freshId();
      Reply create = http.put(http.item(PROJECT, id), body, engine, contentType);
      JsonObject createError = create.error(status, code);
      if (field != null) {
        assertNames(createError, field);
      }
      http.get(PROJECT, id, member).error(404, "CSBS.3001");
    }
    assertEquals(count, http.count(PROJECT, member), "nothing was stored");
  }

  /** The message names the field: as a whole word or path, not as part of another name. */
  private static void assertNames(JsonObject error, String field) {
    String message = error.getString("error_msg");
    Pattern named =
        Pattern.compile("(^|[^A-Za-z0-9_])" + Pattern.quote(field) + "($|[^A-Za-z0-9_])");
    assertTrue(named.matcher(message).find(), () -> "names " + field + ": " + message);
  }
}
