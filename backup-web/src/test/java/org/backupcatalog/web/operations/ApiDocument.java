package org.backupcatalog.web.operations;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI document of the WAR ({@code openapi/openapi.yaml} on the test class path) as the
 * tests use it: its routes, and a validator that checks an answer against the schema the document
 * gives for that route, method and status (networknt's validator with the OpenAPI 3.1 dialect,
 * references resolved inside the document).
 */
public final class ApiDocument {

  private static final String LOCATION = "classpath:" + OpenApiDocument.RESOURCE;
  private static final ApiDocument INSTANCE = new ApiDocument();

  private final JsonNode root;

  private final SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31());

  private final Map<String, Schema> schemas = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<Route> routes = new ArrayList<>();

  private ApiDocument() {
    try (InputStream in =
        ApiDocument.class.getClassLoader().getResourceAsStream(OpenApiDocument.RESOURCE)) {
      root = YAMLMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map.Entry<String, JsonNode> path : root.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (!operation.getKey().equals("parameters")) {
          routes.add(new Route(operation.getKey().toUpperCase(Locale.ROOT), path.getKey()));
        }
      }
    }
  }

  public static ApiDocument get() {
    return INSTANCE;
  }

  /** {@code "GET /v1/{project_id}/checkpoint_items"}, ... */
  public List<String> routes() {
    return routes.stream().map(r -> r.method() + " " + r.template()).sorted().toList();
  }

  /**
   * The problems of one answer against the document, empty when it conforms: an undocumented route
   * or status, a body that is not JSON where JSON is documented, or schema violations.
   *
   * @param path the request path as sent, e.g. {@code /v1/p1/checkpoint_items/count}
   */
  public List<String> problems(String method, String path, int status, String body) {
    Route route = routeOf(method, path);
    if (route == null) {
      // An unknown path or method: the container's own error, which must be the Error schema.
      if (status == 404 || status == 405) {
        return validate("#/components/schemas/Error", body);
      }
      return List.of(method + " " + path + " is not in the document, yet answered " + status);
    }
    String operation =
        "/paths/" + escape(route.template()) + "/" + route.method().toLowerCase(Locale.ROOT);
    JsonNode response = root.at(operation + "/responses/" + status);
    String pointer = operation + "/responses/" + status;
    if (response.isMissingNode()) {
      return List.of(route + " does not document status " + status + "; body " + body);
    }
    if (response.has("$ref")) {
      pointer = response.get("$ref").asString().substring(1);
      response = root.at(pointer);
    }
    JsonNode schema = response.at("/content/application~1json/schema");
    if (schema.isMissingNode()) {
      return body.isEmpty()
          ? List.of()
          : List.of(route + " " + status + " documents no JSON body, yet has " + body);
    }
    String location =
        schema.has("$ref")
            ? schema.get("$ref").asString()
            : "#" + pointer + "/content/application~1json/schema";
    return validate(location, body);
  }

  private List<String> validate(String fragment, String body) {
    Schema schema =
        schemas.computeIfAbsent(fragment, f -> registry.getSchema(SchemaLocation.of(LOCATION + f)));
    List<Error> errors;
    JsonNode instance;
    try {
      instance = JsonMapper.builder().build().readTree(body);
      errors = schema.validate(body, InputFormat.JSON);
    } catch (RuntimeException notJson) {
      return List.of("not JSON: " + body);
    }
    List<String> problems = new ArrayList<>();
    errors.forEach(e -> problems.add(fragment + ": " + e));
    fractions(instance, "", problems);
    return problems;
  }

  /**
   * JSON Schema counts {@code 1.0} as an integer; the Go SDKs do not, and fail the whole page on
   * it. The API has no fractional field at all, so no number may be written with a fraction or an
   * exponent.
   */
  private static void fractions(JsonNode node, String at, List<String> problems) {
    if (node.isNumber() && !node.isIntegralNumber()) {
      problems.add(at + ": " + node + " is not written as an integer");
    }
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      fractions(member.getValue(), at + "/" + member.getKey(), problems);
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        fractions(node.get(i), at + "/" + i, problems);
      }
    }
  }

  private Route routeOf(String method, String path) {
    Map<Integer, Route> byLiterals = new TreeMap<>();
    for (Route route : routes) {
      if (route.method().equals(method) && route.matches(path)) {
        byLiterals.put(-route.literalSegments(), route);
      }
    }
    return byLiterals.isEmpty() ? null : byLiterals.values().iterator().next();
  }

  private static String escape(String template) {
    return template.replace("~", "~0").replace("/", "~1");
  }

  private record Route(String method, String template) {
    boolean matches(String path) {
      String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
      return path.matches(regex);
    }

    int literalSegments() {
      int literal = 0;
      for (Iterator<String> s = List.of(template.split("/")).iterator(); s.hasNext(); ) {
        if (!s.next().startsWith("{")) {
          literal++;
        }
      }
      return literal;
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }
}
