package org.backupcatalog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.CheckpointItemJson;
import org.backupcatalog.domain.InvalidParameterException;
import org.backupcatalog.domain.catalog.CheckpointItemPage;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.domain.query.ListQuery;
import org.backupcatalog.domain.query.PageRequest;
import org.backupcatalog.domain.query.QueryParameters;
import org.backupcatalog.domain.query.Scope;
import org.backupcatalog.domain.reference.RandomCatalogs;
import org.backupcatalog.domain.reference.ReferenceCatalog;
import org.backupcatalog.web.testing.Answer;
import org.backupcatalog.web.testing.CatalogClient;
import org.backupcatalog.web.testing.CatalogEnvironment;
import org.backupcatalog.web.testing.CatalogExtension;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant isolation as a property, over HTTP on the built jar: for random pairs of tenants (A, B)
 * and random queries, no page that a reader of A gets (walked to the end through the {@code next}
 * links) holds an item of B, and no count counts one; every page equals the reference model's page
 * restricted to A. Around it, per case: B's ids are not found under A's path (reading exactly like
 * missing ids, as item and as marker), writes under A's path cannot touch B's items, A's tokens get
 * 403 on B's path, and under {@code all_tenants} an admin does see B's matches, which shows the
 * queries were able to find them.
 *
 * <p>Random data comes from jqwik's {@code sampleStream()}: a jqwik property cannot take the
 * running catalog as a JUnit extension parameter. Failures print the case. A catalog of its own, so
 * that {@code all_tenants} sees exactly the items written here.
 */
@ExtendWith(CatalogExtension.class)
@CatalogEnvironment("BACKUP_TEST_CATALOG=tenant-isolation")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {

  static final List<String> PROJECTS = List.of("iso-a", "iso-b", "iso-c", "iso-d", "iso-e");
  static final int QUERIES = 250;
  static final int MAX_PAGES = 400;
  static final String MARKER_NOT_FOUND = "Invalid parameter marker: marker not found";

  /** Who reads A: a member or an engine of A, or an admin whose token names B. */
  enum Reader {
    MEMBER,
    ENGINE,
    ADMIN_OF_B
  }

  enum MarkerChoice {
    NONE,
    OF_A,
    OF_B,
    UNKNOWN
  }

  record Case(
      String a,
      String b,
      Map<String, List<String>> query,
      Reader reader,
      MarkerChoice marker,
      int pick) {}

  /** How often the checks had something to find: a property that finds nothing proves nothing. */
  static final class Evidence {
    int casesWhereBHadMatches;
    int markersOfB;
    int allTenantsWalks;
    int itemsOfBSeenUnderAllTenants;
    int pagesWalked;
  }

  private CatalogClient client;
  private ReferenceCatalog reference;
  private Map<String, CheckpointItem> byId;
  private Map<String, List<CheckpointItem>> byProject;

  /**
   * A random catalog spread over {@link #PROJECTS}; a third of its items also get a twin (same
   * content, another id) in another project, so that most queries that match in A match in B too.
   */
  @BeforeAll
  void fill(RunningCatalog catalog) {
    client = new CatalogClient(catalog);
    List<CheckpointItem> generated = RandomCatalogs.catalogs(120, 160).sample();
    List<Integer> homes =
        Arbitraries.integers()
            .between(0, PROJECTS.size() - 1)
            .list()
            .ofSize(generated.size())
            .sample();
    List<CheckpointItem> stored = new ArrayList<>();
    for (int k = 0; k < generated.size(); k++) {
      CheckpointItem item = generated.get(k).withId("iso-" + generated.get(k).id());
      int home = homes.get(k);
      stored.add(client.store(item.withProjectId(PROJECTS.get(home))));
      if (k % 3 == 0) {
        int twin = (home + 1 + k % (PROJECTS.size() - 1)) % PROJECTS.size();
        stored.add(client.store(item.withId(item.id() + "-t").withProjectId(PROJECTS.get(twin))));
      }
    }
    reference = new ReferenceCatalog(stored);
    byId = stored.stream().collect(Collectors.toMap(CheckpointItem::id, i -> i));
    byProject = stored.stream().collect(Collectors.groupingBy(CheckpointItem::projectId));
    for (String project : PROJECTS) {
      assertTrue(
          byProject.getOrDefault(project, List.of()).size() >= 3,
          () -> "too few items in " + project + " to test anything: " + byProject.keySet());
    }
  }

  static Arbitrary<Case> cases() {
    Arbitrary<List<String>> pairs = Arbitraries.of(PROJECTS).list().ofSize(2).uniqueElements();
    Arbitrary<MarkerChoice> markers =
        Arbitraries.frequency(
            Tuple.of(5, MarkerChoice.NONE),
            Tuple.of(3, MarkerChoice.OF_A),
            Tuple.of(2, MarkerChoice.OF_B),
            Tuple.of(1, MarkerChoice.UNKNOWN));
    return Combinators.combine(
            pairs,
            RandomCatalogs.queries(),
            Arbitraries.of(Reader.class),
            markers,
            Arbitraries.integers().between(0, 1_000_000))
        .as(
            (pair, query, reader, marker, pick) ->
                new Case(pair.get(0), pair.get(1), query, reader, marker, pick));
  }

  @Test
  void noPageAndNoCountOfATenantEverShowsAnotherTenantsItem() {
    Evidence evidence = new Evidence();
    List<Case> sample = cases().sampleStream().limit(QUERIES).toList();
    for (int k = 0; k < sample.size(); k++) {
      Case c = sample.get(k);
      Map<String, List<String>> query = new LinkedHashMap<>(c.query());
      String marker = marker(c);
      if (marker != null) {
        query.put("marker", List.of(marker));
      }
      Supplier<String> context = () -> "case " + c + ", query sent " + query;
      String token = tokenOf(c);
      walkAsReaderOfA(c, query, token, evidence, context);
      countAsReaderOfA(c, query, token, evidence, context);
      bsItemsAreNotFoundUnderA(c, token, context);
      aTokensAreRefusedOnB(c, query, context);
      switch (k % 4) {
        case 0 -> deleteOfBsItemUnderAChangesNothing(c, context);
        case 1 -> putOfBsIdUnderAChangesNothing(c, context);
        default -> {}
      }
      if (k % 5 == 0) {
        allTenantsShowsBsMatches(c, query, evidence, context);
      }
    }
    // The property holds vacuously unless B often had items the same query matches.
    assertTrue(
        evidence.casesWhereBHadMatches >= QUERIES / 4,
        () -> "B matched in only " + evidence.casesWhereBHadMatches + " of " + QUERIES);
    assertTrue(evidence.markersOfB >= 5, () -> "only " + evidence.markersOfB + " markers of B");
    assertTrue(evidence.itemsOfBSeenUnderAllTenants > 0, "all_tenants never showed an item of B");
    System.out.printf(
        "TenantIsolationIT: %d cases, %d pages walked by readers of A, B matched in %d cases,"
            + " %d markers of B, %d all_tenants walks showing %d items of B%n",
        QUERIES,
        evidence.pagesWalked,
        evidence.casesWhereBHadMatches,
        evidence.markersOfB,
        evidence.allTenantsWalks,
        evidence.itemsOfBSeenUnderAllTenants);
  }

  /** Every page equals the reference page restricted to A; none holds an item of another tenant. */
  private void walkAsReaderOfA(
      Case c,
      Map<String, List<String>> query,
      String token,
      Evidence evidence,
      Supplier<String> context) {
    Scope scopeA = scope(c.a());
    ListQuery q = QueryParameters.of(query).listQuery(scopeA, 1000);
    CheckpointItemPage expected;
    try {
      expected = reference.list(q);
    } catch (InvalidParameterException markerOutOfScope) {
      Answer refused = Answer.of(client.list(c.a(), query, token));
      JsonObject error = refused.assertError(400, "CSBS.9001");
      assertEquals(MARKER_NOT_FOUND, error.getString("error_msg"), context);
      if (c.marker() == MarkerChoice.OF_B) {
        evidence.markersOfB++;
        Map<String, List<String>> unknown = new LinkedHashMap<>(query);
        unknown.put("marker", List.of(unknownIdLike(query.get("marker").get(0))));
        Answer likeUnknown = Answer.of(client.list(c.a(), unknown, token));
        assertEquals(likeUnknown.observable(), refused.observable(), context);
      }
      return;
    }
    URI next = null;
    for (int page = 0; ; page++) {
      assertTrue(page < MAX_PAGES, context);
      Answer answer =
          Answer.of(next == null ? client.list(c.a(), query, token) : client.get(next, token));
      assertEquals(200, answer.status(), () -> context.get() + ": " + answer);
      evidence.pagesWalked++;
      JsonObject body = answer.json();
      List<CheckpointItem> items = new ArrayList<>();
      for (JsonValue value : body.getJsonArray("checkpoint_items")) {
        JsonObject json = value.asJsonObject();
        assertFalse(json.containsKey("project_id"), () -> context.get() + ": " + json);
        CheckpointItem item = CheckpointItemJson.read(json);
        CheckpointItem known = byId.get(item.id());
        String owner = known == null ? "no project" : known.projectId();
        int shownOnPage = page;
        assertEquals(
            c.a(),
            owner,
            () ->
                "page "
                    + shownOnPage
                    + " for a reader of "
                    + c.a()
                    + " shows "
                    + item.id()
                    + " of "
                    + owner
                    + "; "
                    + context.get());
        items.add(item);
      }
      int pageNumber = page;
      assertEquals(
          hideProjects(expected.items()),
          items,
          () ->
              "page "
                  + pageNumber
                  + " differs from the reference restricted to A; "
                  + context.get());
      JsonArray links = body.getJsonArray("checkpoint_items_links");
      assertEquals(expected.hasMore(), !links.isEmpty(), () -> "next link; " + context.get());
      if (!expected.hasMore()) {
        return;
      }
      next = URI.create(links.getJsonObject(0).getString("href"));
      expected =
          reference.list(
              new ListQuery(
                  scopeA,
                  q.filter(),
                  q.order(),
                  new PageRequest(expected.nextMarker(), 0, q.page().limit())));
    }
  }

  private void countAsReaderOfA(
      Case c,
      Map<String, List<String>> query,
      String token,
      Evidence evidence,
      Supplier<String> context) {
    // The count ignores the marker, so even one of B's ids is no reason to refuse it.
    QueryParameters parameters = QueryParameters.of(query);
    long inA = reference.count(scope(c.a()), parameters.filter());
    long inB = reference.count(scope(c.b()), parameters.filter());
    if (inB > 0) {
      evidence.casesWhereBHadMatches++;
    }
    Answer answer = Answer.of(client.count(c.a(), query, token));
    JsonObject body = answer.assertOk(200);
    assertEquals(
        inA,
        body.getJsonNumber("count").longValueExact(),
        () -> "count for " + c.a() + " (" + inB + " matches in " + c.b() + "); " + context.get());
  }

  /** An id of B under A's path reads exactly like an id that exists nowhere. */
  private void bsItemsAreNotFoundUnderA(Case c, String token, Supplier<String> context) {
    String idOfB = itemOf(c.b(), c.pick()).id();
    Answer foreign = get(c.a(), idOfB, token);
    Answer missing = get(c.a(), unknownIdLike(idOfB), token);
    foreign.assertError(404, "CSBS.3001");
    assertEquals(missing.observable(), foreign.observable(), context);
  }

  /** A's member and engine get 403 on B's path, for the list and the count. */
  private void aTokensAreRefusedOnB(
      Case c, Map<String, List<String>> query, Supplier<String> context) {
    for (String token :
        List.of(TestTokens.member(c.a()).build(), TestTokens.engine(c.a()).build())) {
      Answer list = Answer.of(client.list(c.b(), query, token));
      assertEquals(403, list.status(), () -> context.get() + ": " + list);
      list.assertError(403, "APIGW.0302");
      Answer count = Answer.of(client.count(c.b(), query, token));
      assertEquals(403, count.status(), () -> context.get() + ": " + count);
      count.assertError(403, "APIGW.0302");
    }
  }

  private void deleteOfBsItemUnderAChangesNothing(Case c, Supplier<String> context) {
    CheckpointItem ofB = itemOf(c.b(), c.pick());
    String engineOfA = TestTokens.engine(c.a()).build();
    Answer deleted =
        Answer.of(
            client
                .items(c.a())
                .path(ofB.id())
                .request()
                .header("X-Auth-Token", engineOfA)
                .delete());
    deleted.assertError(404, "CSBS.3001");
    assertStillThere(ofB, context);
  }

  /**
   * Ids are unique across the catalog: a PUT of B's id under A's path is 400 (CONTRACT section 5),
   * and B's item is left as it was.
   */
  private void putOfBsIdUnderAChangesNothing(Case c, Supplier<String> context) {
    CheckpointItem ofB = itemOf(c.b(), c.pick());
    CheckpointItem ofA = itemOf(c.a(), c.pick());
    JsonObject body =
        Json.createObjectBuilder()
            .add("checkpoint_item", CheckpointItemJson.write(ofA.withId(ofB.id()), false))
            .build();
    Answer put =
        Answer.of(
            client
                .items(c.a())
                .path(ofB.id())
                .request()
                .header("X-Auth-Token", TestTokens.engine(c.a()).build())
                .put(Entity.entity(body.toString(), MediaType.APPLICATION_JSON_TYPE)));
    put.assertError(400, "CSBS.9001");
    assertStillThere(ofB, context);
  }

  /**
   * Under all_tenants an admin walks every project's matches, B's included, each with its project.
   */
  private void allTenantsShowsBsMatches(
      Case c, Map<String, List<String>> query, Evidence evidence, Supplier<String> context) {
    Map<String, List<String>> all = new LinkedHashMap<>(query);
    all.put("all_tenants", List.of("true"));
    if (c.marker() == MarkerChoice.UNKNOWN) {
      all.remove("marker");
    }
    ListQuery q = QueryParameters.of(all).listQuery(Scope.allTenants(), 1000);
    String admin = TestTokens.admin(c.a()).build();
    List<CheckpointItem> expected =
        reference
            .list(
                new ListQuery(
                    Scope.allTenants(),
                    q.filter(),
                    q.order(),
                    new PageRequest(q.page().marker(), 0, Integer.MAX_VALUE)))
            .items();
    expected = expected.subList(Math.min(q.page().offset(), expected.size()), expected.size());
    List<CheckpointItem> walked = new ArrayList<>();
    URI next = null;
    for (int page = 0; ; page++) {
      assertTrue(page < MAX_PAGES, context);
      JsonObject body =
          CatalogClient.ok(next == null ? client.list(c.a(), all, admin) : client.get(next, admin));
      for (JsonValue value : body.getJsonArray("checkpoint_items")) {
        JsonObject json = value.asJsonObject();
        walked.add(CheckpointItemJson.read(json).withProjectId(json.getString("project_id")));
      }
      JsonArray links = body.getJsonArray("checkpoint_items_links");
      if (links.isEmpty()) {
        break;
      }
      next = URI.create(links.getJsonObject(0).getString("href"));
    }
    assertEquals(expected, walked, () -> "all_tenants walk; " + context.get());
    evidence.allTenantsWalks++;
    evidence.itemsOfBSeenUnderAllTenants +=
        (int) walked.stream().filter(i -> i.projectId().equals(c.b())).count();
  }

  // ---------------------------------------------------------------- plumbing

  private String tokenOf(Case c) {
    return switch (c.reader()) {
      case MEMBER -> TestTokens.member(c.a()).build();
      case ENGINE -> TestTokens.engine(c.a()).build();
      case ADMIN_OF_B -> TestTokens.admin(c.b()).build();
    };
  }

  private String marker(Case c) {
    return switch (c.marker()) {
      case NONE -> null;
      case OF_A -> itemOf(c.a(), c.pick()).id();
      case OF_B -> itemOf(c.b(), c.pick()).id();
      case UNKNOWN -> unknownIdLike(itemOf(c.b(), c.pick()).id());
    };
  }

  private CheckpointItem itemOf(String project, int pick) {
    List<CheckpointItem> items = byProject.get(project);
    return items.get(pick % items.size());
  }

  /** An id of the same length that no item has (every stored id starts with "iso-"). */
  private static String unknownIdLike(String id) {
    return "x".repeat(id.length());
  }

  private Answer get(String project, String id, String token) {
    return Answer.of(client.items(project).path(id).request().header("X-Auth-Token", token).get());
  }

  private void assertStillThere(CheckpointItem item, Supplier<String> context) {
    Answer answer = get(item.projectId(), item.id(), TestTokens.member(item.projectId()).build());
    JsonObject body = answer.assertOk(200);
    assertEquals(
        item.withProjectId(null),
        CheckpointItemJson.read(body.getJsonObject("checkpoint_item")),
        () -> "the item of " + item.projectId() + " changed; " + context.get());
  }

  private static Scope scope(String project) {
    return Scope.of(new ProjectId(project));
  }

  private static List<CheckpointItem> hideProjects(List<CheckpointItem> items) {
    return items.stream().map(i -> i.withProjectId(null)).toList();
  }
}
