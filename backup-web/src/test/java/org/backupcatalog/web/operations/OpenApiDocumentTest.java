package org.backupcatalog.web.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.servlet.annotation.WebServlet;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.backupcatalog.web.item.CheckpointItemsResource;
import org.backupcatalog.web.security.ResourceMethods;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI document against the code: a valid OpenAPI 3.1 document (swagger-parser), whose
 * routes are exactly the JAX-RS routes plus the operational servlets, whose JSON form says what the
 * YAML says, and whose schemas accept its own examples and refuse what the contract forbids.
 */
class OpenApiDocumentTest {

  private static final OpenApiDocument DOCUMENT = OpenApiDocument.load();

  @Test
  void isAValidOpenApiDocument() {
    SwaggerParseResult result = new OpenAPIParser().readContents(DOCUMENT.yaml(), null, null);
    assertEquals(List.of(), result.getMessages());
    OpenAPI api = result.getOpenAPI();
    assertEquals("3.1.0", api.getOpenapi());
    assertEquals(
        Set.of("xAuthToken", "bearerToken", "metricsToken"),
        api.getComponents().getSecuritySchemes().keySet());
  }

  @Test
  void everyJaxRsRouteIsDocumentedAndEveryDocumentedRouteExists() {
    Set<String> code = new TreeSet<>();
    ResourceMethods.declaredBy(CheckpointItemsResource.class, "org.backupcatalog.web").stream()
        .map(route -> route.replaceFirst(" ", " /"))
        .forEach(code::add);
    for (Class<?> servlet :
        List.of(HealthServlet.class, OpenApiServlet.class, MetricsServlet.class)) {
      Arrays.stream(servlet.getAnnotation(WebServlet.class).urlPatterns())
          .forEach(path -> code.add("GET " + path));
      Arrays.stream(servlet.getAnnotation(WebServlet.class).value())
          .forEach(path -> code.add("GET " + path));
    }
    assertTrue(code.contains("GET /v1/{project_id}/checkpoint_items"), code::toString);
    assertEquals(code, new TreeSet<>(ApiDocument.get().routes()));
  }

  @Test
  void theListDocumentsEveryQueryParameterOfTheContract() {
    OpenAPI api = new OpenAPIParser().readContents(DOCUMENT.yaml(), null, null).getOpenAPI();
    Set<String> list =
        api.getPaths().get("/v1/{project_id}/checkpoint_items").getGet().getParameters().stream()
            .map(p -> resolve(api, p))
            .filter(p -> p.getIn().equals("query"))
            .map(Parameter::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(
        new TreeSet<>(
            Set.of(
                "status",
                "limit",
                "marker",
                "offset",
                "sort",
                "all_tenants",
                "name",
                "resource_name",
                "az",
                "resource_id",
                "checkpoint_id",
                "policy_id",
                "resource_type",
                "image_type",
                "ip",
                "start_time",
                "end_time")),
        list);
    Set<String> count =
        api
            .getPaths()
            .get("/v1/{project_id}/checkpoint_items/count")
            .getGet()
            .getParameters()
            .stream()
            .map(p -> resolve(api, p))
            .filter(p -> p.getIn().equals("query"))
            .map(Parameter::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> expectedCount = new TreeSet<>(list);
    expectedCount.removeAll(Set.of("limit", "marker", "offset", "sort"));
    assertEquals(expectedCount, count);
  }

  @Test
  void theJsonFormSaysWhatTheYamlSays() {
    JsonNode fromYaml = YAMLMapper.builder().build().readTree(DOCUMENT.yaml());
    JsonNode fromJson = JsonMapper.builder().build().readTree(DOCUMENT.json());
    assertEquals(fromYaml, fromJson);
  }

  @Test
  void theItemSchemaAcceptsItsExampleAndRefusesWhatBreaksTheSdks() {
    String example =
        JsonMapper.builder()
            .build()
            .writeValueAsString(
                JsonMapper.builder()
                    .build()
                    .readTree(DOCUMENT.json())
                    .at("/components/examples/ItemEnvelope/value"));
    ApiDocument document = ApiDocument.get();
    String path = "/v1/demo-project-a/checkpoint_items/demo-a-0001";
    assertEquals(List.of(), document.problems("GET", path, 200, example));
    // A float where the SDKs decode an integer, a time with a zone suffix, a missing field.
    for (String broken :
        List.of(
            example.replace("\"progress\":100", "\"progress\":100.0"),
            example.replace(
                "\"created_at\":\"2024-05-01T10:00:00.000000\"",
                "\"created_at\":\"2024-05-01T10:00:00.000000Z\""),
            example.replace("\"policy_id\":\"2bf0a9b4-2f45-4e56-b5c5-a9f0b0f4c8e1\",", ""),
            example.replace("\"status\":\"available\"", "\"status\":\"AVAILABLE\""))) {
      assertFalse(example.equals(broken), "the replacement must apply");
      assertFalse(document.problems("GET", path, 200, broken).isEmpty(), broken);
    }
  }

  @Test
  void errorsMustCarryTheirDocumentedCode() {
    ApiDocument document = ApiDocument.get();
    String path = "/v1/p1/checkpoint_items";
    String invalid =
        "{\"error_code\":\"CSBS.9001\",\"error_msg\":\"Invalid\",\"request_id\":\"r\"}";
    assertEquals(List.of(), document.problems("GET", path, 400, invalid));
    assertFalse(document.problems("GET", path, 403, invalid).isEmpty());
    assertFalse(document.problems("GET", path, 412, invalid).isEmpty(), "undocumented status");
    assertFalse(
        document.problems("GET", path, 400, "{\"error_code\":\"CSBS.9001\"}").isEmpty(),
        "an error body without its message");
    assertEquals(
        List.of(),
        document.problems(
            "GET",
            "/v2/nothing",
            404,
            "{\"error_code\":\"APIGW.0101\",\"error_msg\":\"No such API\",\"request_id\":\"r\"}"));
  }

  @Test
  void jsonIsServedForFormatJsonOrAnAcceptOfJsonAlone() {
    assertTrue(OpenApiServlet.wantsJson("JSON", null));
    assertTrue(OpenApiServlet.wantsJson("json", "application/yaml"));
    assertFalse(OpenApiServlet.wantsJson("YAML", "application/json"));
    assertTrue(OpenApiServlet.wantsJson(null, "application/json"));
    assertFalse(OpenApiServlet.wantsJson(null, "application/yaml, application/json"));
    assertFalse(OpenApiServlet.wantsJson(null, "*/*"));
    assertFalse(OpenApiServlet.wantsJson(null, null));
  }

  private static Parameter resolve(OpenAPI api, Parameter parameter) {
    if (parameter.get$ref() == null) {
      return parameter;
    }
    String name = parameter.get$ref().substring(parameter.get$ref().lastIndexOf('/') + 1);
    return api.getComponents().getParameters().get(name);
  }
}
