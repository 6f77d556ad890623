package org.backupcatalog.web.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Items as a backup engine sends them, and what CONTRACT section 5 says the catalog must make of
 * them. The expectation is computed from the JSON alone, field by field from the contract's text,
 * without the service's codec or domain classes: a bug shared by the code and its own model cannot
 * hide here.
 *
 * <p>Bodies are random on purpose where the contract leaves the engine free: absent, null and set
 * fields, unknown keys with any JSON value, {@code Code} as a number or a string, times with
 * offsets and 0 to 6 fraction digits, lists of 0 to 3 entries.
 */
final class IngestItems {

  /** What a field of the wire format is, and what an unset one reads as. */
  enum Kind {
    STRING,
    INTEGER,
    BOOLEAN,
    TIME,
    FAIL_CODE,
    APP_CONSISTENCY,
    VOLUME_BACKUPS,
    IMAGES,
    EXTEND_INFO,
    BACKUP_DATA
  }

  /** A known field: its kind and the value an unset one is written as. */
  record Field(Kind kind, JsonValue unset) {}

  static final List<String> STATUSES =
      List.of(
          "waiting_protect",
          "protecting",
          "available",
          "waiting_restore",
          "restoring",
          "error",
          "waiting_delete",
          "deleting",
          "deleted");

  static final Map<String, Field> ITEM = new LinkedHashMap<>();
  static final Map<String, Field> EXTEND_INFO = new LinkedHashMap<>();
  static final Map<String, Field> BACKUP_DATA = new LinkedHashMap<>();
  static final Map<String, Field> VOLUME_BACKUP = new LinkedHashMap<>();
  static final Map<String, Field> IMAGE = new LinkedHashMap<>();
  static final Map<String, Field> APP_CONSISTENCY = new LinkedHashMap<>();

  static {
    JsonValue nul = JsonValue.NULL;
    // The item's own fields; id, checkpoint_id and updated_at default to the write's values.
    for (String key :
        List.of("id", "name", "description", "status", "resource_id", "resource_type")) {
      ITEM.put(key, new Field(Kind.STRING, nul));
    }
    ITEM.put("checkpoint_id", new Field(Kind.STRING, nul));
    ITEM.put("policy_id", new Field(Kind.STRING, nul));
    ITEM.put("created_at", new Field(Kind.TIME, nul));
    ITEM.put("updated_at", new Field(Kind.TIME, nul));
    ITEM.put("protected_at", new Field(Kind.TIME, nul));
    ITEM.put("extend_info", new Field(Kind.EXTEND_INFO, nul));
    ITEM.put("backup_data", new Field(Kind.BACKUP_DATA, nul));

    EXTEND_INFO.put("auto_trigger", new Field(Kind.BOOLEAN, nul));
    EXTEND_INFO.put("average_speed", new Field(Kind.INTEGER, nul));
    EXTEND_INFO.put("copy_from", new Field(Kind.STRING, str("")));
    EXTEND_INFO.put("copy_status", new Field(Kind.STRING, str("na")));
    EXTEND_INFO.put("fail_code", new Field(Kind.FAIL_CODE, JsonValue.EMPTY_JSON_OBJECT));
    EXTEND_INFO.put("fail_op", new Field(Kind.STRING, str("")));
    EXTEND_INFO.put("fail_reason", new Field(Kind.STRING, str("")));
    EXTEND_INFO.put("image_type", new Field(Kind.STRING, nul));
    EXTEND_INFO.put("incremental", new Field(Kind.BOOLEAN, nul));
    EXTEND_INFO.put("progress", new Field(Kind.INTEGER, Json.createValue(0)));
    EXTEND_INFO.put("resource_az", new Field(Kind.STRING, nul));
    EXTEND_INFO.put("resource_name", new Field(Kind.STRING, nul));
    EXTEND_INFO.put("resource_type", new Field(Kind.STRING, nul));
    EXTEND_INFO.put("size", new Field(Kind.INTEGER, nul));
    EXTEND_INFO.put("space_saving_ratio", new Field(Kind.INTEGER, nul));
    EXTEND_INFO.put("volume_backups", new Field(Kind.VOLUME_BACKUPS, JsonValue.EMPTY_JSON_ARRAY));
    EXTEND_INFO.put("finished_at", new Field(Kind.TIME, nul));
    EXTEND_INFO.put("supported_restore_mode", new Field(Kind.STRING, str("na")));
    EXTEND_INFO.put("os_images_data", new Field(Kind.IMAGES, JsonValue.EMPTY_JSON_ARRAY));
    EXTEND_INFO.put("support_lld", new Field(Kind.BOOLEAN, nul));
    EXTEND_INFO.put(
        "app_consistency", new Field(Kind.APP_CONSISTENCY, JsonValue.EMPTY_JSON_OBJECT));
    EXTEND_INFO.put("taskid", new Field(Kind.STRING, nul));
    EXTEND_INFO.put("hypervisor_type", new Field(Kind.STRING, str("QEMU")));

    BACKUP_DATA.put("__openstack_region_name", new Field(Kind.STRING, str("")));
    BACKUP_DATA.put("cloudservicetype", new Field(Kind.STRING, str("")));
    BACKUP_DATA.put("disk", new Field(Kind.INTEGER, nul));
    BACKUP_DATA.put("imagetype", new Field(Kind.STRING, str("")));
    BACKUP_DATA.put("ram", new Field(Kind.INTEGER, nul));
    BACKUP_DATA.put("vcpus", new Field(Kind.INTEGER, nul));
    BACKUP_DATA.put("eip", new Field(Kind.STRING, str("")));
    BACKUP_DATA.put("private_ip", new Field(Kind.STRING, str("")));

    VOLUME_BACKUP.put("average_speed", new Field(Kind.INTEGER, nul));
    VOLUME_BACKUP.put("bootable", new Field(Kind.BOOLEAN, nul));
    VOLUME_BACKUP.put("id", new Field(Kind.STRING, nul));
    VOLUME_BACKUP.put("image_type", new Field(Kind.STRING, nul));
    VOLUME_BACKUP.put("incremental", new Field(Kind.BOOLEAN, nul));
    VOLUME_BACKUP.put("name", new Field(Kind.STRING, nul));
    VOLUME_BACKUP.put("size", new Field(Kind.INTEGER, nul));
    VOLUME_BACKUP.put("source_volume_id", new Field(Kind.STRING, nul));
    VOLUME_BACKUP.put("source_volume_size", new Field(Kind.INTEGER, nul));
    VOLUME_BACKUP.put("space_saving_ratio", new Field(Kind.INTEGER, nul));
    VOLUME_BACKUP.put("status", new Field(Kind.STRING, nul));
    VOLUME_BACKUP.put("source_volume_name", new Field(Kind.STRING, nul));
    VOLUME_BACKUP.put("snapshot_id", new Field(Kind.STRING, nul));

    IMAGE.put("image_id", new Field(Kind.STRING, nul));

    APP_CONSISTENCY.put("app_consistency", new Field(Kind.INTEGER, nul));
    APP_CONSISTENCY.put("app_consistency_status", new Field(Kind.INTEGER, nul));
    APP_CONSISTENCY.put("app_consistency_error_code", new Field(Kind.STRING, nul));
    APP_CONSISTENCY.put("app_consistency_error_message", new Field(Kind.STRING, nul));
  }

  private static final Pattern CANONICAL_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}");
  private static final Pattern JSON_INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final DateTimeFormatter OUTPUT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

  private static final String ID_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final List<String> OFFSETS =
      List.of(
          "", "", "", "Z", "+00:00", "-00:00", "+05:30", "-08:00", "+14:00", "-12:00", "+01:00");
  private static final List<String> UNKNOWN_KEYS =
      List.of(
          "replication_records",
          "zone",
          "x-extra",
          "",
          "ünïcödé",
          "with space",
          "quote\"key",
          "Name",
          "size_gb",
          "nested");
  private static final String SPECIAL = "\"\\/\b\f\n\r\t\u0001\u001f\u007f ";
  private static final String WIDE = "äöüßÄÖÜéè€ẞİıſﬃ中文字Ｚ";

  private IngestItems() {}

  private static JsonString str(String s) {
    return Json.createValue(s);
  }

  // ---------------------------------------------------------------- random bodies

  /** The inner object of a PUT body (the {@code checkpoint_item}), without an {@code id}. */
  static Arbitrary<JsonObject> items() {
    return Arbitraries.randomValue(IngestItems::item);
  }

  /** Path ids: 1 to 64 characters of A-Z a-z 0-9 - _, unique by the caller's prefix. */
  static Arbitrary<String> idSuffixes() {
    return Arbitraries.strings().withChars(ID_CHARS).ofMinLength(0).ofMaxLength(64);
  }

  static JsonObject item(Random r) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    b.add("name", name(r));
    maybe(r, b, "description", () -> text(r, r.nextInt(20) == 0 ? 4096 : 60));
    b.add("status", STATUSES.get(r.nextInt(STATUSES.size())));
    b.add("resource_id", text(r, 64));
    b.add("resource_type", r.nextBoolean() ? str("OS::Nova::Server") : text(r, 40));
    maybe(r, b, "checkpoint_id", () -> text(r, 64));
    maybe(r, b, "policy_id", () -> text(r, 64));
    b.add("created_at", time(r));
    maybe(r, b, "updated_at", () -> time(r));
    maybe(r, b, "protected_at", () -> time(r));
    maybe(r, b, "extend_info", () -> extendInfo(r));
    maybe(r, b, "backup_data", () -> backupData(r));
    return b.build();
  }

  private static JsonObject extendInfo(Random r) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    for (Map.Entry<String, Field> field : EXTEND_INFO.entrySet()) {
      maybe(r, b, field.getKey(), () -> value(r, field.getKey(), field.getValue().kind()));
    }
    unknownKeys(r, b, EXTEND_INFO);
    return b.build();
  }

  private static JsonObject backupData(Random r) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    for (Map.Entry<String, Field> field : BACKUP_DATA.entrySet()) {
      maybe(r, b, field.getKey(), () -> value(r, field.getKey(), field.getValue().kind()));
    }
    unknownKeys(r, b, BACKUP_DATA);
    return b.build();
  }

  private static JsonValue value(Random r, String key, Kind kind) {
    return switch (kind) {
      case STRING ->
          text(r, key.equals("fail_reason") && r.nextInt(10) == 0 ? 4096 : key.length() + 20);
      case INTEGER -> integer(r);
      case BOOLEAN -> r.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
      case TIME -> time(r);
      case FAIL_CODE -> failCode(r);
      case APP_CONSISTENCY -> appConsistency(r);
      case VOLUME_BACKUPS -> list(r, () -> entry(r, VOLUME_BACKUP));
      case IMAGES -> list(r, () -> entry(r, IMAGE));
      default -> throw new IllegalArgumentException(kind.name());
    };
  }

  /** {@code {}} or a failure: {@code Code} as a number or a string. */
  private static JsonObject failCode(Random r) {
    if (r.nextInt(4) == 0) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    JsonObjectBuilder b = Json.createObjectBuilder();
    switch (r.nextInt(4)) {
      case 0 -> b.add("Code", r.nextLong());
      case 1 -> b.add("Code", r.nextInt(100_000));
      case 2 -> b.add("Code", "BackupService.9999");
      default -> b.add("Code", String.valueOf(r.nextInt(1000)));
    }
    maybe(r, b, "Description", () -> text(r, r.nextInt(10) == 0 ? 4096 : 40));
    return b.build();
  }

  /** {@code {}} or some of its four keys, at least one of them set. */
  private static JsonObject appConsistency(Random r) {
    if (r.nextInt(4) == 0) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    JsonObjectBuilder b = Json.createObjectBuilder();
    b.add("app_consistency", r.nextInt(3));
    for (Map.Entry<String, Field> field : APP_CONSISTENCY.entrySet()) {
      if (!field.getKey().equals("app_consistency")) {
        maybe(r, b, field.getKey(), () -> value(r, field.getKey(), field.getValue().kind()));
      }
    }
    return b.build();
  }

  private static JsonArray list(Random r, Supplier<JsonObject> entry) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    int size = r.nextInt(4);
    for (int k = 0; k < size; k++) {
      list.add(entry.get());
    }
    return list.build();
  }

  private static JsonObject entry(Random r, Map<String, Field> fields) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    for (Map.Entry<String, Field> field : fields.entrySet()) {
      maybe(r, b, field.getKey(), () -> value(r, field.getKey(), field.getValue().kind()));
    }
    unknownKeys(r, b, fields);
    return b.build();
  }

  private static void unknownKeys(Random r, JsonObjectBuilder b, Map<String, Field> known) {
    int count = r.nextInt(3) == 0 ? r.nextInt(4) : 0;
    for (int k = 0; k < count; k++) {
      String key = UNKNOWN_KEYS.get(r.nextInt(UNKNOWN_KEYS.size()));
      if (!known.containsKey(key)) {
        b.add(key, anyJson(r, 2));
      }
    }
  }

  /** Absent (25%), JSON null (10%), or a value. */
  private static void maybe(Random r, JsonObjectBuilder b, String key, Supplier<JsonValue> value) {
    int dice = r.nextInt(20);
    if (dice < 5) {
      return;
    }
    if (dice < 7) {
      b.addNull(key);
      return;
    }
    b.add(key, value.get());
  }

  /** 1 to 255 characters (code points), often at the limit. */
  private static JsonString name(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> str("😀".repeat(255));
      case 1 -> str("n".repeat(255));
      case 2 -> str("x");
      default -> {
        String t = text(r, 40).getString();
        yield str(t.isEmpty() ? "e" : t);
      }
    };
  }

  /** Text of at most {@code max} code points: ASCII, escapes, wide and supplementary characters. */
  static JsonString text(Random r, int max) {
    if (r.nextInt(12) == 0) {
      return str("");
    }
    if (r.nextInt(15) == 0) {
      return str("😀".repeat(max / 2) + "a".repeat(max - max / 2));
    }
    int length = 1 + r.nextInt(Math.min(max, 30));
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < length; k++) {
      switch (r.nextInt(10)) {
        case 0 -> s.append(SPECIAL.charAt(r.nextInt(SPECIAL.length())));
        case 1 -> s.append(WIDE.charAt(r.nextInt(WIDE.length())));
        case 2 -> s.appendCodePoint(0x1F600 + r.nextInt(60));
        case 3 -> s.append('%');
        default -> s.append(ID_CHARS.charAt(r.nextInt(ID_CHARS.length())));
      }
    }
    return str(s.toString());
  }

  private static JsonNumber integer(Random r) {
    return Json.createValue(
        switch (r.nextInt(8)) {
          case 0 -> 0L;
          case 1 -> Long.MAX_VALUE;
          case 2 -> Long.MIN_VALUE;
          case 3 -> -1L;
          case 4 -> r.nextLong();
          default -> (long) r.nextInt(100_000);
        });
  }

  /**
   * A time between 1900 and 2100 as an engine may write it: 0 to 6 fraction digits, no offset, Z or
   * an offset (the wall time is then shifted by it, so the instant is what was meant).
   */
  static JsonString time(Random r) {
    long second = -2_208_988_800L + (long) (r.nextDouble() * 6_311_347_200L);
    int digits = r.nextInt(7);
    int micros = r.nextInt(1_000_000);
    String offset = OFFSETS.get(r.nextInt(OFFSETS.size()));
    ZoneOffset zone =
        offset.isEmpty() || offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset);
    LocalDateTime wall = LocalDateTime.ofEpochSecond(second, 0, zone);
    StringBuilder s =
        new StringBuilder(wall.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")));
    if (digits > 0) {
      s.append('.').append(String.format("%06d", micros), 0, digits);
    }
    return str(s.append(offset).toString());
  }

  /**
   * Any JSON: strings, integers beyond 64 bits, decimals with trailing zeros, exponents, nesting.
   */
  static JsonValue anyJson(Random r, int depth) {
    int dice = r.nextInt(depth > 0 ? 12 : 10);
    return switch (dice) {
      case 0 -> text(r, 20);
      case 1 -> Json.createValue(r.nextLong());
      case 2 -> Json.createValue(new BigInteger(100, r));
      case 3 -> Json.createValue(new BigDecimal("1.500"));
      case 4 -> Json.createValue(new BigDecimal(BigInteger.valueOf(r.nextInt()), r.nextInt(8)));
      case 5 -> Json.createValue(new BigDecimal("6.02E+23"));
      case 6 -> r.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
      case 7 -> JsonValue.NULL;
      case 8 -> Json.createValue(0.1);
      case 9 -> str("");
      case 10 -> {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (int k = r.nextInt(4); k > 0; k--) {
          a.add(anyJson(r, depth - 1));
        }
        yield a.build();
      }
      default -> {
        JsonObjectBuilder o = Json.createObjectBuilder();
        for (int k = r.nextInt(4); k > 0; k--) {
          o.add(text(r, 6).getString(), anyJson(r, depth - 1));
        }
        yield o.build();
      }
    };
  }

  // ---------------------------------------------------------------- the contract's expectation

  /**
   * What the catalog must store for {@code sent} PUT under {@code id}: every field present, unset
   * ones as CONTRACT section 5 says, times canonical, {@code Code} a string, unknown keys of
   * extend_info, backup_data, volume backups and images verbatim, {@code checkpoint_id} the id when
   * unset and {@code updated_at} the time of the write ({@code writeTime}) when unset.
   */
  static JsonObject expected(JsonObject sent, String id, String writeTime) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    for (Map.Entry<String, Field> field : ITEM.entrySet()) {
      String key = field.getKey();
      JsonValue value = set(sent, key);
      switch (key) {
        case "id" -> b.add(key, id);
        case "checkpoint_id" -> b.add(key, value == null ? str(id) : value);
        case "updated_at" -> b.add(key, value == null ? str(writeTime) : canonicalTime(value));
        case "extend_info" ->
            b.add(key, known(value == null ? JsonValue.EMPTY_JSON_OBJECT : value, EXTEND_INFO));
        case "backup_data" ->
            b.add(key, known(value == null ? JsonValue.EMPTY_JSON_OBJECT : value, BACKUP_DATA));
        default -> b.add(key, field(value, field.getValue()));
      }
    }
    return b.build();
  }

  /** The known fields with their values or defaults, then the unknown ones as sent. */
  private static JsonObject known(JsonValue sent, Map<String, Field> fields) {
    JsonObject in = sent.asJsonObject();
    JsonObjectBuilder b = Json.createObjectBuilder();
    for (Map.Entry<String, Field> field : fields.entrySet()) {
      b.add(field.getKey(), field(set(in, field.getKey()), field.getValue()));
    }
    for (Map.Entry<String, JsonValue> member : in.entrySet()) {
      if (!fields.containsKey(member.getKey())) {
        b.add(member.getKey(), member.getValue());
      }
    }
    return b.build();
  }

  private static JsonValue field(JsonValue value, Field field) {
    if (value == null) {
      return field.unset();
    }
    return switch (field.kind()) {
      case TIME -> canonicalTime(value);
      case FAIL_CODE -> failCode(value.asJsonObject());
      case APP_CONSISTENCY ->
          value.asJsonObject().isEmpty() ? value : known(value, APP_CONSISTENCY);
      case VOLUME_BACKUPS -> each(value, v -> known(v, VOLUME_BACKUP));
      case IMAGES -> each(value, v -> known(v, IMAGE));
      default -> value;
    };
  }

  private static JsonValue failCode(JsonObject sent) {
    if (sent.isEmpty()) {
      return sent;
    }
    JsonValue code = set(sent, "Code");
    JsonValue description = set(sent, "Description");
    JsonObjectBuilder b = Json.createObjectBuilder();
    if (code instanceof JsonNumber number) {
      b.add("Code", number.bigIntegerValueExact().toString());
    } else {
      b.add("Code", code == null ? JsonValue.NULL : code);
    }
    return b.add("Description", description == null ? JsonValue.NULL : description).build();
  }

  private static JsonArray each(JsonValue list, Function<JsonValue, JsonValue> map) {
    JsonArrayBuilder b = Json.createArrayBuilder();
    list.asJsonArray().forEach(v -> b.add(map.apply(v)));
    return b.build();
  }

  /** A member that is present and not JSON null, else null. */
  private static JsonValue set(JsonObject object, String key) {
    JsonValue value = object.get(key);
    return value == null || value.getValueType() == ValueType.NULL ? null : value;
  }

  /** The contract's output form of an input time, by java.time's ISO parser. */
  static JsonString canonicalTime(JsonValue sent) {
    return str(canonicalTime(((JsonString) sent).getString()));
  }

  static String canonicalTime(String text) {
    TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
    LocalDateTime wall = LocalDateTime.from(parsed);
    if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      wall = wall.minusSeconds(parsed.get(ChronoField.OFFSET_SECONDS));
    }
    return wall.format(OUTPUT);
  }

  // ---------------------------------------------------------------- wire types

  /**
   * Asserts the exact JSON types of a stored item as read back (CONTRACT section 5): integers as
   * JSON integers (never {@code 0.0} or {@code "0"}), booleans as true/false, times canonical,
   * {@code fail_code} {@code {}} or Code/Description strings, every known key present.
   */
  static void assertWireTypes(JsonObject item) {
    for (String key : List.of("id", "name", "status", "resource_id", "resource_type")) {
      assertEquals(ValueType.STRING, item.get(key).getValueType(), key);
    }
    assertEquals(ValueType.STRING, item.get("checkpoint_id").getValueType(), "checkpoint_id");
    assertEquals(ValueType.STRING, item.get("created_at").getValueType(), "created_at");
    assertEquals(ValueType.STRING, item.get("updated_at").getValueType(), "updated_at");
    assertTrue(!item.containsKey("project_id"), "project_id only under all_tenants");
    assertTypes("", item, ITEM, false);
  }

  private static void assertTypes(
      String path, JsonObject object, Map<String, Field> fields, boolean open) {
    for (Map.Entry<String, Field> field : fields.entrySet()) {
      String where = path + field.getKey();
      assertTrue(object.containsKey(field.getKey()), () -> "missing " + where + " in " + object);
      assertType(where, object.get(field.getKey()), field.getValue().kind());
    }
    if (!open) {
      assertEquals(fields.keySet(), object.keySet(), path);
    }
  }

  private static void assertType(String where, JsonValue value, Kind kind) {
    ValueType type = value.getValueType();
    switch (kind) {
      case STRING -> assertTrue(type == ValueType.STRING || type == ValueType.NULL, where);
      case BOOLEAN ->
          assertTrue(
              type == ValueType.TRUE || type == ValueType.FALSE || type == ValueType.NULL, where);
      case INTEGER -> {
        if (type != ValueType.NULL) {
          assertEquals(ValueType.NUMBER, type, where);
          assertTrue(JSON_INTEGER.matcher(value.toString()).matches(), where + "=" + value);
        }
      }
      case TIME -> {
        if (type != ValueType.NULL) {
          assertEquals(ValueType.STRING, type, where);
          String text = ((JsonString) value).getString();
          assertTrue(CANONICAL_TIME.matcher(text).matches(), where + "=" + text);
        }
      }
      case FAIL_CODE -> {
        JsonObject code = value.asJsonObject();
        if (!code.isEmpty()) {
          assertEquals(Set.of("Code", "Description"), code.keySet(), where);
          assertType(where + ".Code", code.get("Code"), Kind.STRING);
          assertType(where + ".Description", code.get("Description"), Kind.STRING);
        }
      }
      case APP_CONSISTENCY -> {
        JsonObject app = value.asJsonObject();
        if (!app.isEmpty()) {
          assertTypes(where + ".", app, APP_CONSISTENCY, false);
        }
      }
      case VOLUME_BACKUPS, IMAGES -> {
        assertEquals(ValueType.ARRAY, type, where);
        JsonArray list = value.asJsonArray();
        for (int k = 0; k < list.size(); k++) {
          assertTypes(
              where + "[" + k + "].",
              list.getJsonObject(k),
              kind == Kind.IMAGES ? IMAGE : VOLUME_BACKUP,
              true);
        }
      }
      case EXTEND_INFO -> assertTypes(where + ".", value.asJsonObject(), EXTEND_INFO, true);
      case BACKUP_DATA -> assertTypes(where + ".", value.asJsonObject(), BACKUP_DATA, true);
      default -> fail(kind.name());
    }
  }

  // ---------------------------------------------------------------- readable differences

  /** The JSON paths at which two values differ, with both sides; empty when equal. */
  static List<String> differences(JsonValue expected, JsonValue actual) {
    List<String> out = new ArrayList<>();
    differences("", expected, actual, out);
    return out;
  }

  private static void differences(String path, JsonValue e, JsonValue a, List<String> out) {
    if (e == null || a == null || e.getValueType() != a.getValueType()) {
      out.add(path + ": expected " + e + " but was " + a);
      return;
    }
    if (e.getValueType() == ValueType.OBJECT) {
      JsonObject eo = e.asJsonObject();
      JsonObject ao = a.asJsonObject();
      for (String key : eo.keySet()) {
        differences(path + "." + key, eo.get(key), ao.get(key), out);
      }
      for (String key : ao.keySet()) {
        if (!eo.containsKey(key)) {
          out.add(path + "." + key + ": unexpected " + ao.get(key));
        }
      }
    } else if (e.getValueType() == ValueType.ARRAY) {
      JsonArray ea = e.asJsonArray();
      JsonArray aa = a.asJsonArray();
      if (ea.size() != aa.size()) {
        out.add(path + ": expected " + ea.size() + " entries but was " + aa.size());
      }
      for (int k = 0; k < Math.min(ea.size(), aa.size()); k++) {
        differences(path + "[" + k + "]", ea.get(k), aa.get(k), out);
      }
    } else if (!e.equals(a)) {
      out.add(path + ": expected " + e + " but was " + a);
    }
  }
}
