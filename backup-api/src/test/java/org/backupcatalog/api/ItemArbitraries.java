package org.backupcatalog.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random items for the codec's properties. {@code canonical} items are those a read can return
 * exactly: lists, {@code extend_info} and {@code backup_data} set (unset ones are written as {@code
 * []} or all-null objects and so read back as set), and no project id (read ignores it).
 */
final class ItemArbitraries {

  private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /** Looked up once: {@code Json.create*} asks the ServiceLoader on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private ItemArbitraries() {}

  static Arbitrary<Instant> anyInstant() {
    Arbitrary<Long> seconds =
        Arbitraries.longs().between(MIN.getEpochSecond(), MAX.getEpochSecond());
    Arbitrary<Integer> nanos =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 999_999_999),
            Arbitraries.integers().between(0, 999_999).map(micros -> micros * 1000));
    return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }

  static Arbitrary<CheckpointItem> items(boolean canonical) {
    var ids =
        Combinators.combine(
                strings(),
                strings(),
                strings(),
                strings(),
                statuses(),
                strings(),
                strings(),
                strings())
            .as(Tuple::of);
    var rest =
        Combinators.combine(
                strings(),
                instants(),
                instants(),
                instants(),
                orNull(extendInfos(canonical), canonical),
                orNull(backupData(), canonical))
            .as(Tuple::of);
    return Combinators.combine(ids, rest)
        .as(
            (a, b) ->
                new CheckpointItem(
                    a.get1(),
                    canonical ? null : a.get2(),
                    a.get3(),
                    a.get4(),
                    a.get5(),
                    a.get6(),
                    a.get7(),
                    a.get8(),
                    b.get1(),
                    b.get2(),
                    b.get3(),
                    b.get4(),
                    b.get5(),
                    b.get6()));
  }

  static Arbitrary<ExtendInfo> extendInfos(boolean canonical) {
    var first =
        Combinators.combine(
                bools(),
                longs(),
                strings(),
                strings(),
                failCodes(),
                strings(),
                strings(),
                strings())
            .as(Tuple::of);
    var second =
        Combinators.combine(
                bools(),
                longs(),
                strings(),
                strings(),
                strings(),
                longs(),
                longs(),
                orNull(volumeBackups().list().ofMaxSize(3), canonical))
            .as(Tuple::of);
    var third =
        Combinators.combine(
                instants(),
                strings(),
                orNull(images().list().ofMaxSize(3), canonical),
                bools(),
                appConsistencies(),
                strings(),
                strings(),
                additional(ExtendInfoJson.KNOWN))
            .as(Tuple::of);
    return Combinators.combine(first, second, third)
        .as(
            (a, b, c) ->
                new ExtendInfo(
                    a.get1(), a.get2(), a.get3(), a.get4(), a.get5(), a.get6(), a.get7(), a.get8(),
                    b.get1(), b.get2(), b.get3(), b.get4(), b.get5(), b.get6(), b.get7(), b.get8(),
                    c.get1(), c.get2(), c.get3(), c.get4(), c.get5(), c.get6(), c.get7(),
                    c.get8()));
  }

  static Arbitrary<BackupData> backupData() {
    var first =
        Combinators.combine(
                strings(), strings(), longs(), strings(), longs(), longs(), strings(), strings())
            .as(Tuple::of);
    return Combinators.combine(first, additional(BackupDataJson.KNOWN))
        .as(
            (a, extra) ->
                new BackupData(
                    a.get1(), a.get2(), a.get3(), a.get4(), a.get5(), a.get6(), a.get7(), a.get8(),
                    extra));
  }

  static Arbitrary<VolumeBackup> volumeBackups() {
    var first =
        Combinators.combine(
                longs(), bools(), strings(), strings(), bools(), strings(), longs(), strings())
            .as(Tuple::of);
    var second =
        Combinators.combine(
                longs(),
                longs(),
                strings(),
                strings(),
                strings(),
                additional(VolumeBackupJson.KNOWN))
            .as(Tuple::of);
    return Combinators.combine(first, second)
        .as(
            (a, b) ->
                new VolumeBackup(
                    a.get1(), a.get2(), a.get3(), a.get4(), a.get5(), a.get6(), a.get7(), a.get8(),
                    b.get1(), b.get2(), b.get3(), b.get4(), b.get5(), b.get6()));
  }

  static Arbitrary<ImageData> images() {
    return Combinators.combine(strings(), additional(ImageDataJson.KNOWN)).as(ImageData::new);
  }

  static Arbitrary<FailCode> failCodes() {
    return Combinators.combine(
            Arbitraries.oneOf(strings(), Arbitraries.longs().map(String::valueOf)), strings())
        .as(FailCode::new)
        .injectNull(0.3);
  }

  static Arbitrary<AppConsistency> appConsistencies() {
    return Combinators.combine(longs(), longs(), strings(), strings())
        .as(AppConsistency::new)
        .injectNull(0.3);
  }

  /** Unknown keys with any JSON value, nested a little; sometimes none at all (then null). */
  static Arbitrary<JsonObject> additional(Set<String> known) {
    Arbitrary<String> keys =
        Arbitraries.oneOf(Arbitraries.of("replication_records", "zone", "x-extra", ""), texts(8))
            .filter(key -> !known.contains(key));
    return Arbitraries.maps(keys, jsonValues(2))
        .ofMaxSize(3)
        .map(ItemArbitraries::object)
        .injectNull(0.2);
  }

  static Arbitrary<JsonValue> jsonValues(int depth) {
    Arbitrary<JsonValue> leaves =
        Arbitraries.oneOf(
            texts(10).map(JSON::createValue),
            Arbitraries.longs().map(JSON::createValue),
            Arbitraries.bigDecimals()
                .between(BigDecimal.valueOf(-1_000_000), BigDecimal.valueOf(1_000_000))
                .ofScale(3)
                .map(JSON::createValue),
            Arbitraries.of(JsonValue.TRUE, JsonValue.FALSE, JsonValue.NULL));
    if (depth == 0) {
      return leaves;
    }
    Arbitrary<JsonValue> arrays =
        jsonValues(depth - 1).list().ofMaxSize(3).map(ItemArbitraries::array);
    Arbitrary<JsonValue> objects =
        Arbitraries.maps(texts(6), jsonValues(depth - 1)).ofMaxSize(3).map(ItemArbitraries::object);
    return Arbitraries.frequencyOf(Tuple.of(6, leaves), Tuple.of(1, arrays), Tuple.of(1, objects));
  }

  private static JsonObject object(Map<String, JsonValue> members) {
    JsonObjectBuilder builder = JSON.createObjectBuilder();
    members.forEach(builder::add);
    return builder.build();
  }

  private static JsonValue array(List<JsonValue> values) {
    JsonArrayBuilder builder = JSON.createArrayBuilder();
    values.forEach(builder::add);
    return builder.build();
  }

  private static <T> Arbitrary<T> orNull(Arbitrary<T> arbitrary, boolean canonical) {
    return canonical ? arbitrary : arbitrary.injectNull(0.2);
  }

  private static Arbitrary<String> strings() {
    return texts(12).injectNull(0.2);
  }

  /**
   * Any text, and often one made of what encoders treat apart: characters beyond the BMP (a
   * surrogate pair), unpaired surrogates (which UTF-8 cannot carry: written as {@code ?}), a pair
   * split by another character, escapes, control and non-ASCII characters.
   */
  static Arbitrary<String> texts(int maxLength) {
    Arbitrary<String> tricky =
        Arbitraries.of(
                "a",
                "\uD83D\uDE00",
                "\uD800",
                "\uDBFF",
                "\uDC00",
                "\uDFFF",
                "\"",
                "\\",
                "\u001f",
                "\n",
                "\u00e4",
                "\u2028",
                "\u7fff",
                "?")
            .list()
            .ofMaxSize(maxLength / 2)
            .map(parts -> String.join("", parts));
    return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(maxLength), tricky);
  }

  private static Arbitrary<Long> longs() {
    return Arbitraries.longs().injectNull(0.2);
  }

  private static Arbitrary<Boolean> bools() {
    return Arbitraries.of(true, false).injectNull(0.2);
  }

  private static Arbitrary<Instant> instants() {
    return anyInstant().injectNull(0.2);
  }

  private static Arbitrary<BackupStatus> statuses() {
    return Arbitraries.of(BackupStatus.class).injectNull(0.1);
  }
}
