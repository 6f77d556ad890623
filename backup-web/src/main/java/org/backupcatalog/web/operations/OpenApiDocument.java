package org.backupcatalog.web.operations;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The API's OpenAPI document, {@value #RESOURCE} in the WAR: written by hand in YAML (the
 * repository's API reference), served as it is, and as JSON converted once at start. The YAML is
 * read with the JSON schema of YAML 1.2 (snakeyaml-engine's default), so that only {@code true},
 * {@code false}, {@code null} and numbers written as JSON writes them are anything but strings.
 */
public final class OpenApiDocument {

  public static final String RESOURCE = "openapi/openapi.yaml";

  private final String yaml;
  private final String json;

  private OpenApiDocument(String yaml, String json) {
    this.yaml = yaml;
    this.json = json;
  }

  /** Reads the document from the class path of this class. */
  public static OpenApiDocument load() {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the WAR");
      }
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new OpenApiDocument(yaml, toJson(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String yaml() {
    return yaml;
  }

  public String json() {
    return json;
  }

  static String toJson(String yaml) {
    Object tree = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    StringWriter text = new StringWriter();
    try (JsonWriter writer =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
      writer.write(json(tree));
    }
    return text.toString().strip() + "\n";
  }

  private static JsonValue json(Object node) {
    if (node == null) {
      return JsonValue.NULL;
    }
    if (node instanceof Map<?, ?> map) {
      JsonObjectBuilder object = Json.createObjectBuilder();
      map.forEach((key, value) -> object.add(String.valueOf(key), json(value)));
      return object.build();
    }
    if (node instanceof List<?> list) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      list.forEach(value -> array.add(json(value)));
      return array.build();
    }
    if (node instanceof Boolean bool) {
      return bool ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (node instanceof Integer || node instanceof Long) {
      return Json.createValue(((Number) node).longValue());
    }
    if (node instanceof BigInteger big) {
      return Json.createValue(big);
    }
    if (node instanceof Double || node instanceof Float) {
      return Json.createValue(new BigDecimal(node.toString()));
    }
    if (node instanceof String string) {
      return Json.createValue(string);
    }
    throw new IllegalStateException(
        "YAML node of type " + node.getClass().getName() + " has no JSON form");
  }
}
