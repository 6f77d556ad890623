package org.backupcatalog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.CheckpointItemJson;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.domain.query.QueryParameters;
import org.backupcatalog.domain.query.Scope;
import org.backupcatalog.domain.reference.RandomCatalogs;
import org.backupcatalog.domain.reference.ReferenceCatalog;
import org.backupcatalog.web.item.CheckpointItemsResource;
import org.backupcatalog.web.testing.Answer;
import org.backupcatalog.web.testing.CatalogClient;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CONTRACT sections 2 and 6 as one matrix over the built jar: every endpoint by every kind of
 * caller, each cell's answer written out in {@link #EXPECTED} (not derived from the policy code),
 * sent with {@code X-Auth-Token} and again with {@code Authorization: Bearer}. Data that comes back
 * is compared with what was seeded, so that a cell also fails when it shows another tenant's item.
 * The table must name exactly the endpoints the resource classes declare (found by reflection), so
 * that a new endpoint cannot ship without its row.
 *
 * <p>The catalog comes from the subclass ({@link AccessMatrixIT}: a jar of its own; the server
 * suites: the WAR on each server), configured with {@link #environment()}: the test secret and an
 * RS256 public key too (a PEM file made for this run, which an annotation cannot name), so that
 * "RS256 signed with a key the service does not know" is refused for the key and not merely for the
 * algorithm. Its lists filter on the seeded resource, so other items in the catalog do not matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AccessMatrixChecks {

  /** The project of every path in the matrix. */
  static final String OWN = "am-own";

  /** Another tenant, holding twins of {@link #OWN}'s items (same content, other ids). */
  static final String OTHER = "am-other";

  /** The resource of the seeded items; the matrix's lists filter on it. */
  static final String SEEDED = "am-seeded";

  /** The resource of the items the PUT and DELETE cells write, outside the lists' filter. */
  static final String WRITTEN = "am-written";

  static final List<String> OWN_IDS = List.of("am-own-1", "am-own-2", "am-own-3");
  static final List<String> OTHER_IDS = List.of("am-other-1", "am-other-2", "am-other-3");

  /** Never stored; as long as {@link #OTHER_IDS}' ids, so that even lengths cannot differ. */
  static final String MISSING_ID = "am-other-7";

  /**
   * The expected answer of each cell: the status, and for an error the code of CONTRACT section 6
   * given by {@link #ERROR_CODES}. Rows are the endpoints ({@code METHOD path-template}, as the
   * JAX-RS annotations declare them); columns are the callers, in the order of {@link Caller}:
   *
   * <ul>
   *   <li>none: no token; junk: not a JWT; expd: expired 2 minutes ago; nbf: not valid before 2
   *       minutes from now; sig: HS256 with another secret; alg0: {@code alg: none}; rsa?: RS256
   *       signed with a key the service does not know. All but none and junk are otherwise an
   *       admin's token for the path's project, so that only the defect can refuse them.
   *   <li>mOwn / mOth: a member of the path's project / of another project.
   *   <li>eOwn / eOth: a {@code backup_engine} of the path's project / of another project.
   *   <li>adm: an admin (whose token names another project); admT: the same with {@code
   *       all_tenants=true}; memT: a member of the path's project with {@code all_tenants=true}.
   * </ul>
   *
   * <p>{@code all_tenants} is a parameter of the list and the count only (CONTRACT sections 1, 3):
   * elsewhere it is ignored like any parameter the contract does not name. PUT writes a new id
   * (201), DELETE removes an existing item of the path's project (204).
   */
  static final String EXPECTED =
      """
      endpoint                                       | none junk expd nbf  sig  alg0 rsa? mOwn mOth eOwn eOth adm  admT memT
      GET    v1/{project_id}/checkpoint_items        | 401  401  401  401  401  401  401  200  403  200  403  200  200  403
      GET    v1/{project_id}/checkpoint_items/count  | 401  401  401  401  401  401  401  200  403  200  403  200  200  403
      GET    v1/{project_id}/checkpoint_items/{id}   | 401  401  401  401  401  401  401  200  403  200  403  200  200  200
      PUT    v1/{project_id}/checkpoint_items/{id}   | 401  401  401  401  401  401  401  403  403  201  201  201  201  403
      DELETE v1/{project_id}/checkpoint_items/{id}   | 401  401  401  401  401  401  401  403  403  204  204  204  204  403
      """;

  /** CONTRACT section 6: the code that goes with each error status of this test. */
  static final Map<Integer, String> ERROR_CODES =
      Map.of(400, "CSBS.9001", 401, "APIGW.0301", 403, "APIGW.0302", 404, "CSBS.3001");

  /**
   * The answer to each endpoint's bad parameters ({@link #sendWithBadParameters}) for a caller
   * allowed to call it: a refused list, count or PUT is 400; an id that cannot exist is not found.
   * The callers the matrix refuses get their 401 or 403 instead, whatever the parameters.
   */
  static final Map<Endpoint, Integer> BAD_PARAMETERS_WHEN_ALLOWED =
      Map.of(
          Endpoint.LIST, 400,
          Endpoint.COUNT, 400,
          Endpoint.GET_ITEM, 404,
          Endpoint.PUT_ITEM, 400,
          Endpoint.DELETE_ITEM, 404);

  static final KeyPair KNOWN_RSA = RsaKeys.generate(2048);
  static final KeyPair UNKNOWN_RSA = RsaKeys.generate(2048);

  enum Endpoint {
    LIST("GET", "v1/{project_id}/checkpoint_items"),
    COUNT("GET", "v1/{project_id}/checkpoint_items/count"),
    GET_ITEM("GET", "v1/{project_id}/checkpoint_items/{id}"),
    PUT_ITEM("PUT", "v1/{project_id}/checkpoint_items/{id}"),
    DELETE_ITEM("DELETE", "v1/{project_id}/checkpoint_items/{id}");

    final String method;
    final String template;

    Endpoint(String method, String template) {
      this.method = method;
      this.template = template;
    }

    String row() {
      return method + " " + template;
    }

    static Endpoint ofRow(String row) {
      return Arrays.stream(values())
          .filter(e -> e.row().equals(row))
          .findFirst()
          .orElseThrow(
              () ->
                  new AssertionError("The table names an endpoint this test cannot call: " + row));
    }
  }

  enum Caller {
    NO_TOKEN("none"),
    GARBAGE("junk"),
    EXPIRED("expd"),
    NOT_YET_VALID("nbf"),
    WRONG_SIGNATURE("sig"),
    ALG_NONE("alg0"),
    UNKNOWN_RSA_KEY("rsa?"),
    MEMBER_OWN("mOwn"),
    MEMBER_OTHER("mOth"),
    ENGINE_OWN("eOwn"),
    ENGINE_OTHER("eOth"),
    ADMIN("adm"),
    ADMIN_ALL_TENANTS("admT"),
    MEMBER_ALL_TENANTS("memT");

    final String column;

    Caller(String column) {
      this.column = column;
    }

    /** A fresh token (lifetimes count from now); null for no token at all. */
    String token() {
      return switch (this) {
        case NO_TOKEN -> null;
        case GARBAGE -> "garbage-" + Instant.now().toEpochMilli();
        case EXPIRED -> TestTokens.admin(OWN).expiresAt(Instant.now().minusSeconds(120)).build();
        case NOT_YET_VALID ->
            TestTokens.admin(OWN).notBefore(Instant.now().plusSeconds(120)).build();
        case WRONG_SIGNATURE ->
            TestTokens.admin(OWN)
                .hs256("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8))
                .build();
        case ALG_NONE -> TestTokens.admin(OWN).unsecured().build();
        case UNKNOWN_RSA_KEY -> TestTokens.admin(OWN).rs256(UNKNOWN_RSA.getPrivate()).build();
        case MEMBER_OWN, MEMBER_ALL_TENANTS -> TestTokens.member(OWN).build();
        case MEMBER_OTHER -> TestTokens.member(OTHER).build();
        case ENGINE_OWN -> TestTokens.engine(OWN).build();
        case ENGINE_OTHER -> TestTokens.engine(OTHER).build();
        case ADMIN, ADMIN_ALL_TENANTS -> TestTokens.admin(OTHER).build();
      };
    }

    boolean allTenants() {
      return this == ADMIN_ALL_TENANTS || this == MEMBER_ALL_TENANTS;
    }

    /** A part of an item id that is this caller's alone. */
    String idPart() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** The two places a token may travel (CONTRACT section 2). */
  enum TokenHeader {
    X_AUTH_TOKEN,
    BEARER;

    Invocation.Builder carry(Invocation.Builder request, String token) {
      if (token == null) {
        return request;
      }
      return this == X_AUTH_TOKEN
          ? request.header("X-Auth-Token", token)
          : request.header("Authorization", "Bearer " + token);
    }
  }

  /** One cell of {@link #EXPECTED}. */
  record Cell(Endpoint endpoint, Caller caller, int status) {}

  private static Path keyDirectory;
  private RunningCatalog catalog;
  private ReferenceCatalog seeded;
  private Map<String, CheckpointItem> seededById;

  /**
   * The environment the checked catalog needs: the test token secret and the RS256 public key of
   * {@link #KNOWN_RSA}, written once per test JVM and removed when it exits.
   */
  public static synchronized Map<String, String> environment() {
    try {
      if (keyDirectory == null) {
        keyDirectory = Files.createTempDirectory("access-matrix-keys");
        keyDirectory.toFile().deleteOnExit();
        RsaKeys.writePem(keyDirectory, KNOWN_RSA.getPublic()).toFile().deleteOnExit();
      }
      try (Stream<Path> files = Files.list(keyDirectory)) {
        Path publicKey = files.findFirst().orElseThrow();
        return Map.of(
            TestTokens.SECRET_VARIABLE,
            TestTokens.SECRET,
            "BACKUP_AUTH_RS256_PUBLIC_KEY_FILE",
            publicKey.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The catalog to check, running with at least {@link #environment()}. */
  protected abstract RunningCatalog catalog();

  /** After the checks: a subclass stops a catalog of its own here. */
  protected void release(RunningCatalog checked) {}

  @BeforeAll
  void seed() {
    catalog = catalog();
    CatalogClient client = new CatalogClient(catalog);
    List<CheckpointItem> templates = RandomCatalogs.items().sampleStream().limit(3).toList();
    List<CheckpointItem> stored = new ArrayList<>();
    for (int k = 0; k < templates.size(); k++) {
      stored.add(client.store(item(templates.get(k), OWN_IDS.get(k), OWN, SEEDED)));
      stored.add(client.store(item(templates.get(k), OTHER_IDS.get(k), OTHER, SEEDED)));
    }
    seeded = new ReferenceCatalog(stored);
    seededById = stored.stream().collect(Collectors.toMap(CheckpointItem::id, Function.identity()));
  }

  @AfterAll
  void release() {
    if (catalog != null) {
      release(catalog);
    }
  }

  // ---------------------------------------------------------------- the table and the code

  /** The cells of {@link #EXPECTED}, checking its header against {@link Caller} on the way. */
  static List<Cell> cells() {
    List<String> lines = EXPECTED.lines().filter(line -> !line.isBlank()).toList();
    List<String> header = columns(lines.get(0));
    List<String> callerColumns = Arrays.stream(Caller.values()).map(c -> c.column).toList();
    assertEquals(callerColumns, header, "the table's columns are the callers, in their order");
    List<Cell> cells = new ArrayList<>();
    Set<Endpoint> rows = new TreeSet<>();
    for (String line : lines.subList(1, lines.size())) {
      Endpoint endpoint = Endpoint.ofRow(rowName(line));
      assertTrue(rows.add(endpoint), () -> "two rows for " + endpoint.row());
      List<String> statuses = columns(line);
      assertEquals(header.size(), statuses.size(), () -> "cells of " + endpoint.row());
      for (int k = 0; k < statuses.size(); k++) {
        cells.add(new Cell(endpoint, Caller.values()[k], Integer.parseInt(statuses.get(k))));
      }
    }
    return cells;
  }

  private static String rowName(String line) {
    return String.join(" ", line.substring(0, line.indexOf('|')).trim().split("\\s+"));
  }

  private static List<String> columns(String line) {
    return List.of(line.substring(line.indexOf('|') + 1).trim().split("\\s+"));
  }

  private static Set<String> tableRows() {
    return EXPECTED
        .lines()
        .skip(1)
        .filter(line -> !line.isBlank())
        .map(AccessMatrixChecks::rowName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void theTableHasARowForEveryEndpointTheResourcesDeclare() {
    Set<String> declared =
        ResourceMethods.declaredBy(CheckpointItemsResource.class, "org.backupcatalog.web");
    assertTrue(
        declared.contains("GET v1/{project_id}/checkpoint_items"),
        () -> "the scan did not find the list of CheckpointItemsResource: " + declared);
    assertEquals(
        declared,
        tableRows(),
        "every endpoint of the resource classes needs a row in EXPECTED (and no row may name an"
            + " endpoint that does not exist)");
    assertEquals(
        Arrays.stream(Endpoint.values()).map(Endpoint::row).collect(Collectors.toSet()),
        tableRows());
  }

  @Test
  void theTableIsWholeAndUsesOnlyKnownAnswers() {
    List<Cell> cells = cells();
    assertEquals(Endpoint.values().length * Caller.values().length, cells.size());
    for (Cell cell : cells) {
      assertTrue(
          Set.of(200, 201, 204).contains(cell.status()) || ERROR_CODES.containsKey(cell.status()),
          cell::toString);
    }
  }

  // ---------------------------------------------------------------- the matrix

  static Stream<Arguments> cellsWithHeaders() {
    return cells().stream()
        .flatMap(
            cell ->
                Arrays.stream(TokenHeader.values())
                    .map(h -> Arguments.of(cell.endpoint(), cell.caller(), h, cell.status())));
  }

  @ParameterizedTest(name = "{0} by {1} in {2}: {3}")
  @MethodSource("cellsWithHeaders")
  void everyCellAnswersAsTheTableSays(
      Endpoint endpoint, Caller caller, TokenHeader header, int expected) {
    switch (endpoint) {
      case LIST -> list(caller, header, expected);
      case COUNT -> count(caller, header, expected);
      case GET_ITEM -> getItem(caller, header, expected);
      case PUT_ITEM -> putItem(caller, header, expected);
      case DELETE_ITEM -> deleteItem(caller, header, expected);
      default -> throw new AssertionError("no check written for " + endpoint);
    }
  }

  /**
   * The smallest token CONTRACT section 2 allows, the shape bench/servers.sh sends: {@code sub},
   * {@code project_id}, {@code exp} and an empty {@code roles} (then no {@code roles} at all), no
   * {@code iat}. Its caller reads as a member, in both headers; on WildFly the bench once got a 500
   * for every such request.
   */
  @Test
  void theSmallestTokenTheContractAllowsReadsAsAMember() {
    List<String> tokens =
        List.of(
            TestTokens.member(OWN).subject("bench").without("iat").build(),
            TestTokens.member(OWN)
                .subject("bench")
                .without("iat")
                .without(TokenVerifier.DEFAULT_ROLES_CLAIM)
                .build());
    Map<String, String> query = Map.of("resource_id", SEEDED);
    for (String token : tokens) {
      for (TokenHeader header : TokenHeader.values()) {
        Answer count = send("GET", OWN, "/count", query, token, header, null);
        assertEquals(
            3, count.assertOk(200).getJsonNumber("count").longValueExact(), count::toString);
        Answer list = send("GET", OWN, "", query, token, header, null);
        assertEquals(3, list.assertOk(200).getJsonArray("checkpoint_items").size(), list::toString);
      }
    }
  }

  private void list(Caller caller, TokenHeader header, int expected) {
    Map<String, String> query = query(caller, Map.of("resource_id", SEEDED));
    Answer answer = send("GET", OWN, "", query, caller.token(), header, null);
    if (refused(answer, expected)) {
      return;
    }
    JsonObject body = answer.assertOk(200);
    assertEquals(Set.of("checkpoint_items", "checkpoint_items_links"), body.keySet());
    assertEquals(JsonValue.EMPTY_JSON_ARRAY, body.getJsonArray("checkpoint_items_links"));
    List<CheckpointItem> shown = new ArrayList<>();
    for (JsonValue value : body.getJsonArray("checkpoint_items")) {
      JsonObject json = value.asJsonObject();
      assertEquals(caller.allTenants(), json.containsKey("project_id"), json::toString);
      String project = caller.allTenants() ? json.getString("project_id") : null;
      CheckpointItem item = CheckpointItemJson.read(json).withProjectId(project);
      assertNothingOfAnotherTenant(caller, item);
      shown.add(item);
    }
    Scope scope = scopeOf(caller);
    List<CheckpointItem> expectedItems =
        seeded.list(QueryParameters.of(multi(query)).listQuery(scope, 1000)).items().stream()
            .map(i -> caller.allTenants() ? i : i.withProjectId(null))
            .toList();
    assertEquals(expectedItems, shown, answer::toString);
    assertEquals(caller.allTenants() ? 6 : 3, shown.size());
  }

  private void count(Caller caller, TokenHeader header, int expected) {
    Map<String, String> query = query(caller, Map.of("resource_id", SEEDED));
    Answer answer = send("GET", OWN, "/count", query, caller.token(), header, null);
    if (refused(answer, expected)) {
      return;
    }
    JsonObject body = answer.assertOk(200);
    assertEquals(Set.of("count"), body.keySet());
    long expectedCount = seeded.count(scopeOf(caller), QueryParameters.of(multi(query)).filter());
    assertEquals(caller.allTenants() ? 6 : 3, expectedCount);
    assertEquals(expectedCount, body.getJsonNumber("count").longValueExact(), answer::toString);
  }

  private void getItem(Caller caller, TokenHeader header, int expected) {
    String id = OWN_IDS.get(0);
    Answer answer =
        send("GET", OWN, "/" + id, query(caller, Map.of()), caller.token(), header, null);
    if (refused(answer, expected)) {
      return;
    }
    JsonObject body = answer.assertOk(200);
    assertEquals(Set.of("checkpoint_item"), body.keySet());
    JsonObject json = body.getJsonObject("checkpoint_item");
    assertFalse(json.containsKey("project_id"), json::toString);
    CheckpointItem item = CheckpointItemJson.read(json);
    assertNothingOfAnotherTenant(Caller.MEMBER_OWN, item);
    assertEquals(seededById.get(id).withProjectId(null), item);
    assertNotNull(answer.header("ETag"), answer::toString);
  }

  private void putItem(Caller caller, TokenHeader header, int expected) {
    String id = "am-put-" + caller.idPart() + "-" + header.ordinal();
    CheckpointItem sent = item(seededById.get(OWN_IDS.get(1)), id, OWN, WRITTEN);
    Answer answer =
        send("PUT", OWN, "/" + id, query(caller, Map.of()), caller.token(), header, body(sent));
    if (refused(answer, expected)) {
      assertEquals(404, exists(OWN, id), "a refused PUT stores nothing");
      return;
    }
    JsonObject body = answer.assertOk(expected);
    CheckpointItem stored = CheckpointItemJson.read(body.getJsonObject("checkpoint_item"));
    assertEquals(sent.withProjectId(null), stored, answer::toString);
    assertNotNull(answer.header("ETag"), answer::toString);
    assertEquals(200, exists(OWN, id), "stored in the path's project");
    assertEquals(404, exists(OTHER, id), "not in the project of the writer's token");
  }

  private void deleteItem(Caller caller, TokenHeader header, int expected) {
    String id = "am-del-" + caller.idPart() + "-" + header.ordinal();
    new CatalogClient(catalog).store(item(seededById.get(OWN_IDS.get(2)), id, OWN, WRITTEN));
    Answer answer =
        send("DELETE", OWN, "/" + id, query(caller, Map.of()), caller.token(), header, null);
    if (refused(answer, expected)) {
      assertEquals(200, exists(OWN, id), "a refused DELETE removes nothing");
      return;
    }
    assertEquals(expected, answer.status(), answer::toString);
    assertEquals("", answer.body(), "204 has no body");
    assertEquals(404, exists(OWN, id), "deleted");
  }

  /**
   * For an expected error: asserts it (status, code, a message that names no seeded id) and answers
   * true. For an expected success: answers false and leaves the checks of the data to the caller.
   */
  private static boolean refused(Answer answer, int expected) {
    if (expected < 400) {
      return false;
    }
    JsonObject error = answer.assertError(expected, ERROR_CODES.get(expected));
    for (String id : Stream.concat(OWN_IDS.stream(), OTHER_IDS.stream()).toList()) {
      assertFalse(error.getString("error_msg").contains(id), answer::toString);
    }
    return true;
  }

  private static void assertNothingOfAnotherTenant(Caller caller, CheckpointItem item) {
    if (caller.allTenants()) {
      // Every tenant is asked for; each item must carry its own project.
      assertTrue(
          OWN_IDS.contains(item.id()) || OTHER_IDS.contains(item.id()), () -> "unknown " + item);
      assertEquals(OWN_IDS.contains(item.id()) ? OWN : OTHER, item.projectId(), item::toString);
      return;
    }
    assertFalse(OTHER_IDS.contains(item.id()), () -> "another tenant's item shown: " + item);
    assertTrue(OWN_IDS.contains(item.id()), () -> "not an item of " + OWN + ": " + item);
  }

  // ---------------------------------------------------------------- the order 401, 403, 400

  @ParameterizedTest(name = "{0} by {1} in {2}, with bad parameters")
  @MethodSource("cellsWithHeaders")
  void authenticationComesBeforeAuthorizationBeforeParameters(
      Endpoint endpoint, Caller caller, TokenHeader header, int cell) {
    int expected = cell >= 400 ? cell : BAD_PARAMETERS_WHEN_ALLOWED.get(endpoint);
    Answer answer = sendWithBadParameters(endpoint, caller, header);
    answer.assertError(expected, ERROR_CODES.get(expected));
  }

  /**
   * Everything wrong that an endpoint's request can have: for the list and the count, query
   * parameters (with {@code all_tenants=maybe} unless the caller asks for all tenants); for a
   * single item, an id that cannot exist; for the PUT also a body that is not JSON and an {@code
   * If-Match} that matches nothing.
   */
  private Answer sendWithBadParameters(Endpoint endpoint, Caller caller, TokenHeader header) {
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("all_tenants", caller.allTenants() ? "true" : "maybe");
    if (endpoint == Endpoint.LIST || endpoint == Endpoint.COUNT) {
      bad.put("status", "ready");
      bad.put("start_time", "yesterday");
    }
    if (endpoint == Endpoint.LIST) {
      bad.put("limit", "0");
      bad.put("offset", "-1");
      bad.put("sort", "size:up");
      bad.put("marker", MISSING_ID);
    }
    String badId = "/bad.id";
    return switch (endpoint) {
      case LIST -> send("GET", OWN, "", bad, caller.token(), header, null);
      case COUNT -> send("GET", OWN, "/count", bad, caller.token(), header, null);
      case GET_ITEM -> send("GET", OWN, badId, bad, caller.token(), header, null);
      case DELETE_ITEM -> send("DELETE", OWN, badId, bad, caller.token(), header, null);
      case PUT_ITEM -> {
        WebTarget target = target(OWN, badId, bad);
        Invocation.Builder request =
            header.carry(target.request(), caller.token()).header("If-Match", "\"no-such-etag\"");
        yield Answer.of(
            request.put(Entity.entity("{\"checkpoint_item\": {", MediaType.APPLICATION_JSON_TYPE)));
      }
    };
  }

  // ---------------------------------------------------------------- nothing reveals another tenant

  /** The callers that may read the path's project without all_tenants. */
  static Stream<Caller> readersOfOwn() {
    return Stream.of(Caller.MEMBER_OWN, Caller.ENGINE_OWN, Caller.ADMIN);
  }

  @ParameterizedTest
  @MethodSource("readersOfOwn")
  void anotherTenantsItemReadsExactlyLikeAMissingOne(Caller caller) {
    String token = caller.token();
    for (String foreignId : OTHER_IDS) {
      Answer foreign =
          send("GET", OWN, "/" + foreignId, Map.of(), token, TokenHeader.X_AUTH_TOKEN, null);
      Answer missing =
          send("GET", OWN, "/" + MISSING_ID, Map.of(), token, TokenHeader.X_AUTH_TOKEN, null);
      foreign.assertError(404, "CSBS.3001");
      missing.assertError(404, "CSBS.3001");
      assertEquals(missing.observable(), foreign.observable());
      assertNull(foreign.header("ETag"), foreign::toString);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Caller.class,
      names = {"ENGINE_OWN", "ADMIN"})
  void deletingAnotherTenantsItemReadsLikeAMissingOneAndKeepsIt(Caller caller) {
    String token = caller.token();
    Answer foreign =
        send(
            "DELETE", OWN, "/" + OTHER_IDS.get(0), Map.of(), token, TokenHeader.X_AUTH_TOKEN, null);
    Answer missing =
        send("DELETE", OWN, "/" + MISSING_ID, Map.of(), token, TokenHeader.X_AUTH_TOKEN, null);
    foreign.assertError(404, "CSBS.3001");
    assertEquals(missing.observable(), foreign.observable());
    assertEquals(200, exists(OTHER, OTHER_IDS.get(0)), "the other tenant's item is still there");
  }

  @ParameterizedTest
  @MethodSource("readersOfOwn")
  void anotherTenantsItemAsMarkerReadsExactlyLikeAnUnknownMarker(Caller caller) {
    String token = caller.token();
    Answer own =
        send(
            "GET",
            OWN,
            "",
            Map.of("marker", OWN_IDS.get(0)),
            token,
            TokenHeader.X_AUTH_TOKEN,
            null);
    own.assertOk(200);
    for (String foreignId : OTHER_IDS) {
      Answer foreign =
          send("GET", OWN, "", Map.of("marker", foreignId), token, TokenHeader.X_AUTH_TOKEN, null);
      Answer unknown =
          send("GET", OWN, "", Map.of("marker", MISSING_ID), token, TokenHeader.X_AUTH_TOKEN, null);
      foreign.assertError(400, "CSBS.9001");
      unknown.assertError(400, "CSBS.9001");
      assertEquals(unknown.observable(), foreign.observable());
    }
  }

  @Test
  void underAllTenantsAnotherTenantsMarkerIsInScope() {
    String token = Caller.ADMIN_ALL_TENANTS.token();
    Map<String, String> query =
        Map.of("all_tenants", "true", "marker", OTHER_IDS.get(0), "resource_id", SEEDED);
    JsonObject page =
        send("GET", OWN, "", query, token, TokenHeader.X_AUTH_TOKEN, null).assertOk(200);
    List<String> expected =
        seeded
            .list(QueryParameters.of(multi(query)).listQuery(Scope.allTenants(), 1000))
            .items()
            .stream()
            .map(CheckpointItem::id)
            .toList();
    List<String> shown =
        page.getJsonArray("checkpoint_items").stream()
            .map(v -> v.asJsonObject().getString("id"))
            .toList();
    assertEquals(expected, shown);
    send(
            "GET",
            OWN,
            "",
            Map.of("all_tenants", "true", "marker", MISSING_ID),
            token,
            TokenHeader.X_AUTH_TOKEN,
            null)
        .assertError(400, "CSBS.9001");
  }

  // ---------------------------------------------------------------- how tokens travel

  @Test
  void rs256WithTheConfiguredKeyIsAccepted() {
    // Without this, the rsa? column could pass merely because RS256 is not configured at all.
    String token = TestTokens.member(OWN).rs256(KNOWN_RSA.getPrivate()).build();
    for (TokenHeader header : TokenHeader.values()) {
      send("GET", OWN, "/count", Map.of(), token, header, null).assertOk(200);
    }
  }

  @Test
  void aTokenAnywhereElseIsNoToken() {
    String token = Caller.ADMIN.token();
    for (String authorization :
        List.of(token, "Basic " + token, "Bearer", "Bearer  ", "Token " + token)) {
      Answer answer =
          Answer.of(
              catalog
                  .target("v1/" + OWN + "/checkpoint_items/count")
                  .request()
                  .header("Authorization", authorization)
                  .get());
      answer.assertError(401, "APIGW.0301");
    }
    Answer inQuery =
        Answer.of(
            catalog
                .target("v1/" + OWN + "/checkpoint_items/count")
                .queryParam("X-Auth-Token", token)
                .request()
                .get());
    inQuery.assertError(401, "APIGW.0301");
  }

  // ---------------------------------------------------------------- plumbing

  private Answer send(
      String method,
      String project,
      String subPath,
      Map<String, String> query,
      String token,
      TokenHeader header,
      String body) {
    Invocation.Builder request = header.carry(target(project, subPath, query).request(), token);
    if (body != null) {
      return Answer.of(
          request.method(method, Entity.entity(body, MediaType.APPLICATION_JSON_TYPE)));
    }
    return Answer.of(request.method(method));
  }

  private WebTarget target(String project, String subPath, Map<String, String> query) {
    WebTarget target = catalog.target("v1/" + project + "/checkpoint_items" + subPath);
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      target = target.queryParam(parameter.getKey(), parameter.getValue());
    }
    return target;
  }

  /** 200 or 404: whether an admin finds the item under the project's path. */
  private int exists(String project, String id) {
    Answer answer =
        send(
            "GET",
            project,
            "/" + id,
            Map.of(),
            TestTokens.admin(OWN).build(),
            TokenHeader.X_AUTH_TOKEN,
            null);
    assertTrue(answer.status() == 200 || answer.status() == 404, answer::toString);
    return answer.status();
  }

  private static Map<String, String> query(Caller caller, Map<String, String> query) {
    Map<String, String> all = new LinkedHashMap<>(query);
    if (caller.allTenants()) {
      all.put("all_tenants", "true");
    }
    return all;
  }

  private static Map<String, List<String>> multi(Map<String, String> query) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    query.forEach((name, value) -> multi.put(name, List.of(value)));
    return multi;
  }

  private static Scope scopeOf(Caller caller) {
    return caller.allTenants() ? Scope.allTenants() : Scope.of(new ProjectId(OWN));
  }

  private static String body(CheckpointItem item) {
    return Json.createObjectBuilder()
        .add("checkpoint_item", CheckpointItemJson.write(item, false))
        .build()
        .toString();
  }

  /** The template's content under another id, project and resource. */
  private static CheckpointItem item(
      CheckpointItem template, String id, String project, String resourceId) {
    return new CheckpointItem(
        id,
        project,
        template.name(),
        template.description(),
        template.status(),
        resourceId,
        template.resourceType(),
        template.checkpointId(),
        template.policyId(),
        template.createdAt(),
        template.updatedAt(),
        template.protectedAt(),
        template.extendInfo(),
        template.backupData());
  }
}
