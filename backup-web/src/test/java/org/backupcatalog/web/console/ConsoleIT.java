package org.backupcatalog.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.backupcatalog.api.BackupStatus;
import org.backupcatalog.web.console.ConsolePage.Bar;
import org.backupcatalog.web.console.ConsolePage.ShownError;
import org.backupcatalog.web.testing.CatalogClient;
import org.backupcatalog.web.testing.CatalogEnvironment;
import org.backupcatalog.web.testing.CatalogExtension;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;

/**
 * The console in headless Chromium against the running jar with the demo data: what each page shows
 * is compared, row by row and field by field, with what the API answers to the same URL fetched
 * here with the same token. Screenshots go to {@code target/console-screenshots/}.
 */
@ExtendWith(CatalogExtension.class)
@CatalogEnvironment("BACKUP_DEMO_DATA=true")
class ConsoleIT {

  private static final String HOME = "demo-project-a";
  private static final String MEMBER_PROJECT = "demo-project-b";
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{8,}");

  private static RunningCatalog catalog;
  private static CatalogClient api;
  private static Chromium chromium;
  private ConsolePage console;

  @BeforeAll
  static void startBrowser(RunningCatalog running) {
    catalog = running;
    api = new CatalogClient(running);
    chromium = Chromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void openSignedOut() {
    console = new ConsolePage(chromium.driver()).open(catalog.baseUri());
  }

  @Test
  void adminPagesThroughFailedBackupsOfAllTenantsByTheNextLinks() {
    String admin = TestTokens.admin(HOME).build();
    console.pasteToken(admin);
    assertEquals(HOME, console.signInProject(), "the project is read from the token");
    console.submitSignIn();
    console.awaitPage();
    assertTrue(console.identity().contains("admin"), console.identity());

    console.allTenants(true);
    String everything = console.apply();
    assertShowsPage(list(admin, everything), true);
    assertEquals(BackupStatus.values().length, console.bars().size());
    console.screenshot("admin-all-tenants");

    console.status("error");
    console.apply();
    String firstPage = console.pageSize(10);
    assertEquals(
        Map.of("all_tenants", List.of("true"), "status", List.of("error"), "limit", List.of("10")),
        queryOf(firstPage));
    assertEquals(
        List.of("id", "project", "name", "status", "resource", "created", "protected", "size"),
        console.columns());
    String count = count(admin, HOME, "all_tenants=true&status=error");
    assertEquals(count, console.count());
    assertEquals(List.of(new Bar("error", count)), console.bars());

    // Forward three pages: each must be the API's next link of the page before, shown as the API
    // answers it, and the pages must not overlap.
    List<String> urls = new ArrayList<>(List.of(firstPage));
    List<List<Map<String, String>>> shown = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    JsonObject page = list(admin, firstPage);
    shown.add(assertShowsPage(page, true));
    console.screenshot("admin-failed-all-tenants-page-1");
    for (int step = 1; step <= 3; step++) {
      String next = nextHref(page);
      assertTrue(next != null, "the demo data has more than four pages of failed backups");
      assertEquals(next, console.next(), "the console follows the API's next link");
      page = list(admin, next);
      urls.add(next);
      shown.add(assertShowsPage(page, true));
      assertEquals("Page " + (step + 1), console.pageStatus().split(" · ")[0]);
    }
    console.screenshot("admin-failed-all-tenants-page-4");
    for (List<Map<String, String>> rows : shown) {
      rows.forEach(row -> assertTrue(seen.add(row.get("id")), "shown twice: " + row.get("id")));
      rows.forEach(row -> assertEquals("error", row.get("status")));
    }
    assertEquals(40, seen.size());

    // Back by the pages visited, each shown again as the API answers it now.
    for (int back = 2; back >= 0; back--) {
      assertEquals(urls.get(back), console.previous());
      assertEquals(shown.get(back), assertShowsPage(list(admin, urls.get(back)), true));
    }
    assertFalse(console.enabled("previous"));
    assertFalse(console.enabled("first"));
    assertTrue(console.enabled("next"));
    console.next();
    console.next();
    assertEquals(firstPage, console.first());
    assertEquals(shown.get(0), console.rows());

    // The details of an item of another tenant, read under its own project.
    Map<String, String> row =
        shown.get(0).stream()
            .filter(candidate -> !candidate.get("project").equals(HOME))
            .findFirst()
            .orElseThrow();
    String itemUrl = console.openItem(row.get("id"));
    assertEquals(
        catalog
            .baseUri()
            .resolve("v1/" + row.get("project") + "/checkpoint_items/" + row.get("id"))
            .toString(),
        itemUrl);
    assertEquals(row.get("id"), console.detailsTitle());
    JsonObject item =
        CatalogClient.ok(api.get(URI.create(itemUrl), admin)).getJsonObject("checkpoint_item");
    assertShowsItem(item);
    assertNotEquals("—", console.detailFields().get("extend_info.fail_code.Code"));
    console.screenshot("admin-item-details");
    console.press(Keys.ESCAPE);
    console.awaitDetailsClosed();
  }

  @Test
  void columnHeadersSortByTheApiSortAndWorkByKeyboard() {
    String admin = TestTokens.admin(HOME).build();
    console.signIn(admin);
    console.project(MEMBER_PROJECT);
    console.apply();
    assertEquals("descending", console.ariaSort("created"), "the API's default order");

    String byName = console.sortBy("name");
    assertEquals(List.of("name:asc"), queryOf(byName).get("sort"));
    assertEquals("ascending", console.ariaSort("name"));
    assertNull(console.ariaSort("created"));
    assertShowsPage(list(admin, byName), false);

    // Enter on the focused header button sorts the other way round.
    console.sortButton("name").sendKeys(Keys.ENTER);
    String byNameDescending = console.awaitPageAfter(byName);
    assertEquals(List.of("name:desc"), queryOf(byNameDescending).get("sort"));
    assertEquals("descending", console.ariaSort("name"));
    assertEquals("name", console.focusedSortKey(), "the focus stays on the header");
    assertShowsPage(list(admin, byNameDescending), false);

    String bySize = console.pageSize(50);
    assertEquals(List.of("name:desc"), queryOf(bySize).get("sort"), "the order is kept");
    assertEquals(List.of("50"), queryOf(bySize).get("limit"));
    assertEquals(50, assertShowsPage(list(admin, bySize), false).size());
  }

  @Test
  void everyFilterReachesTheApi() {
    String admin = TestTokens.admin(HOME).build();
    console.signIn(admin);
    console
        .allTenants(true)
        .status("available")
        .status("error")
        .type("f-name", "AUTOBK")
        .type("f-resource-name", "ecs-")
        .type("f-resource-type", "OS::Nova::Server")
        .type("f-image-type", "backup")
        .type("f-az", "eu-de-01")
        .dateTime("f-start", "2020-01-01T00:00:00")
        .dateTime("f-end", "2030-12-31T23:59:59");
    String url = console.apply();
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("all_tenants", List.of("true"));
    expected.put("status", List.of("available", "error"));
    expected.put("name", List.of("AUTOBK"));
    expected.put("resource_name", List.of("ecs-"));
    expected.put("resource_type", List.of("OS::Nova::Server"));
    expected.put("image_type", List.of("backup"));
    expected.put("az", List.of("eu-de-01"));
    expected.put("start_time", List.of("2020-01-01T00:00:00"));
    expected.put("end_time", List.of("2030-12-31T23:59:59"));
    expected.put("limit", List.of("25"));
    assertEquals(expected, queryOf(url));
    List<Map<String, String>> rows = assertShowsPage(list(admin, url), true);
    assertFalse(rows.isEmpty(), "the demo data has matching servers");
    String query = URI.create(url).getRawQuery().replace("&limit=25", "");
    assertEquals(count(admin, HOME, query), console.count());
    assertEquals(
        List.of(
            new Bar("available", count(admin, HOME, query.replace("&status=error", ""))),
            new Bar("error", count(admin, HOME, query.replace("&status=available", "")))),
        console.bars());

    // The exact-match filters, with the values of one item on the page: it is found again.
    JsonObject item =
        list(admin, url).getJsonArray("checkpoint_items").stream()
            .map(JsonValue::asJsonObject)
            .filter(ConsoleIT::hasEveryExactValue)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no item with every exact-match value"));
    console
        .type("f-resource-id", item.getString("resource_id"))
        .type("f-checkpoint-id", item.getString("checkpoint_id"))
        .type("f-policy-id", item.getString("policy_id"))
        .type("f-ip", item.getJsonObject("backup_data").getString("private_ip"));
    String exact = console.apply();
    Map<String, List<String>> query2 = queryOf(exact);
    assertEquals(List.of(item.getString("resource_id")), query2.get("resource_id"));
    assertEquals(List.of(item.getString("checkpoint_id")), query2.get("checkpoint_id"));
    assertEquals(List.of(item.getString("policy_id")), query2.get("policy_id"));
    assertEquals(
        List.of(item.getJsonObject("backup_data").getString("private_ip")), query2.get("ip"));
    List<Map<String, String>> found = assertShowsPage(list(admin, exact), true);
    assertTrue(
        found.stream().anyMatch(row -> row.get("id").equals(item.getString("id"))),
        "the item is found by its own values");
  }

  @Test
  void memberSeesTheirProjectAndTheApisRefusalOfAllTenants() {
    String member = TestTokens.member(MEMBER_PROJECT).build();
    console.pasteToken(member);
    assertEquals(MEMBER_PROJECT, console.signInProject());
    console.submitSignIn();
    String firstPage = console.awaitPage();
    assertTrue(console.identity().contains("member"), console.identity());
    assertEquals(MEMBER_PROJECT, console.project());
    assertEquals(
        catalog.baseUri().resolve("v1/" + MEMBER_PROJECT + "/checkpoint_items?limit=25").toString(),
        firstPage);
    assertFalse(console.columns().contains("project"), "one project: no project column");
    List<Map<String, String>> rows = assertShowsPage(list(member, firstPage), false);
    assertEquals(25, rows.size());
    // Under all tenants, the admin sees the project of each of these ids: the member's only.
    String admin = TestTokens.admin(HOME).build();
    for (Map<String, String> row : rows) {
      URI byId =
          catalog.baseUri().resolve("v1/" + MEMBER_PROJECT + "/checkpoint_items/" + row.get("id"));
      try (Response response = api.get(byId, admin)) {
        assertEquals(200, response.getStatus(), row.get("id"));
      }
    }

    // The count and the chart: every status, each its own /count, adding up to the total.
    String total = count(member, MEMBER_PROJECT, "");
    assertEquals(total, console.count());
    List<Bar> bars = console.bars();
    List<Bar> expected = new ArrayList<>();
    long sum = 0;
    for (BackupStatus status : BackupStatus.values()) {
      String byStatus = count(member, MEMBER_PROJECT, "status=" + status.wireName());
      expected.add(new Bar(status.wireName(), byStatus));
      sum += Long.parseLong(byStatus.replace(",", ""));
    }
    assertEquals(expected, bars);
    assertEquals(total, String.format(Locale.US, "%,d", sum));
    assertTrue(console.chartDescription().contains("error: " + expected.get(5).count()));
    console.screenshot("member-own-project");

    console.allTenants(true);
    String refused = console.apply();
    assertEquals(List.of("true"), queryOf(refused).get("all_tenants"));
    assertShowsRefusal(console.awaitQueryError(), refused, member, 403);
    assertTrue(console.rows().isEmpty());
    console.screenshot("member-all-tenants-refused");

    console.allTenants(false).project(HOME);
    String otherProject = console.apply();
    assertShowsRefusal(console.awaitQueryError(), otherProject, member, 403);

    console.project(MEMBER_PROJECT);
    console.apply();
    assertFalse(console.queryErrorShown(), "the refusal goes once the query is allowed");
  }

  @Test
  void aTokenTheApiRefusesIsShownWithTheApisMessage() {
    String forged =
        TestTokens.admin(HOME)
            .hs256("another-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8))
            .build();
    console.pasteToken(forged);
    assertEquals(HOME, console.signInProject(), "the claims are read, not trusted");
    console.submitSignIn();
    ShownError shown = console.awaitSignInError();
    assertShowsRefusal(
        shown,
        catalog.baseUri().resolve("v1/" + HOME + "/checkpoint_items/count").toString(),
        forged,
        401);
    assertFalse(console.consoleShown(), "a refused token does not sign in");
    console.screenshot("refused-token");
  }

  @Test
  void theConsoleFilesNeedNoTokenButOnlyForGetAndHead() throws Exception {
    try (Response page = catalog.target("console/").request().get()) {
      assertEquals(200, page.getStatus());
      assertTrue(page.getMediaType().toString().startsWith("text/html"));
      assertTrue(page.getHeaderString("Content-Security-Policy").contains("script-src 'self'"));
    }
    for (String file : List.of("app.js", "console.css", "icon.svg")) {
      try (Response asset = catalog.target("console/" + file).request().get()) {
        assertEquals(200, asset.getStatus(), file);
      }
      try (Response head = catalog.target("console/" + file).request().head()) {
        assertEquals(200, head.getStatus(), file);
      }
    }
    String etag;
    try (Response first = catalog.target("console/app.js").request().get()) {
      etag = first.getHeaderString("ETag");
      assertEquals("no-cache", first.getHeaderString("Cache-Control"));
    }
    try (Response again =
        catalog.target("console/app.js").request().header("If-None-Match", etag).get()) {
      assertEquals(304, again.getStatus(), "an unchanged file is not sent again");
    }
    try (Response post = catalog.target("console/index.html").request().post(Entity.text("x"))) {
      assertEquals(401, post.getStatus());
    }
    try (Response missing = catalog.target("console/missing.js").request().get()) {
      assertEquals(404, missing.getStatus());
      assertEquals("APIGW.0101", missing.readEntity(JsonObject.class).getString("error_code"));
    }
    try (Response api = catalog.target("v1/" + HOME + "/checkpoint_items").request().get()) {
      assertEquals(401, api.getStatus(), "the API still needs a token");
    }
    // No spelling of a path through the console's folder reaches the API without a token.
    HttpClient raw = HttpClient.newHttpClient();
    for (String path :
        List.of(
            "console/../v1/" + HOME + "/checkpoint_items",
            "console/%2e%2e/v1/" + HOME + "/checkpoint_items",
            "console/..%2fv1/" + HOME + "/checkpoint_items")) {
      HttpResponse<String> answer =
          raw.send(
              HttpRequest.newBuilder(URI.create(catalog.baseUri() + path)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertTrue(
          answer.statusCode() == 401 || answer.statusCode() == 404 || answer.statusCode() == 400,
          path + ": " + answer.statusCode() + " " + answer.body());
      assertFalse(answer.body().contains("checkpoint_items\""), path + ": " + answer.body());
    }
  }

  // -------------------------------------------------------------------------------------------

  /** Asserts the table shows the API's page row by row; answers the rows shown. */
  private List<Map<String, String>> assertShowsPage(JsonObject page, boolean allTenants) {
    List<Map<String, String>> expected = new ArrayList<>();
    for (JsonValue value : page.getJsonArray("checkpoint_items")) {
      expected.add(rowOf(value.asJsonObject(), allTenants));
    }
    List<Map<String, String>> rows = console.rows();
    assertEquals(expected, rows);
    return rows;
  }

  /** A row as the console writes it (see format.js). */
  private static Map<String, String> rowOf(JsonObject item, boolean allTenants) {
    JsonObject extend = item.getJsonObject("extend_info");
    Map<String, String> row = new LinkedHashMap<>();
    row.put("id", item.getString("id"));
    if (allTenants) {
      row.put("project", item.getString("project_id"));
    }
    row.put("name", text(item.get("name")));
    row.put("status", item.getString("status"));
    row.put("resource", text(extend.get("resource_name")));
    row.put("created", time(item.get("created_at")));
    row.put("protected", time(item.get("protected_at")));
    row.put(
        "size",
        extend.get("size") instanceof JsonNumber size
            ? String.format(Locale.US, "%,d", size.longValue())
            : "—");
    return row;
  }

  /** Asserts the details show every value of the item, each under its JSON path. */
  private void assertShowsItem(JsonObject item) {
    Map<String, String> expected = new LinkedHashMap<>();
    List<String> emptyLists = new ArrayList<>();
    flatten(item, "", expected, emptyLists);
    assertEquals(expected, console.detailFields());
    assertEquals(Set.copyOf(emptyLists), Set.copyOf(console.emptyDetailLists()));
  }

  /**
   * The item's values by path, as details.js lays them out: nested objects by their keys, lists of
   * objects by index, the failure always as its Code and Description, and the two lists of the
   * extended information noted apart when empty.
   */
  private static void flatten(
      JsonValue value, String path, Map<String, String> values, List<String> emptyLists) {
    if (path.equals("extend_info.fail_code")) {
      JsonObject code = value.asJsonObject();
      values.put(path + ".Code", text(code.get("Code")));
      values.put(path + ".Description", text(code.get("Description")));
      return;
    }
    boolean detailList =
        path.equals("extend_info.volume_backups") || path.equals("extend_info.os_images_data");
    if (value instanceof JsonObject object && !object.isEmpty()) {
      object.forEach(
          (key, child) ->
              flatten(child, path.isEmpty() ? key : path + "." + key, values, emptyLists));
    } else if (value instanceof JsonArray array && !array.isEmpty() && allObjects(array)) {
      // A table: one column per key any row has, a dash where a row lacks it.
      Set<String> keys = new java.util.LinkedHashSet<>();
      array.forEach(element -> keys.addAll(element.asJsonObject().keySet()));
      for (int i = 0; i < array.size(); i++) {
        JsonObject row = array.getJsonObject(i);
        for (String key : keys) {
          values.put(path + "[" + i + "]." + key, text(row.get(key)));
        }
      }
    } else if (detailList && value instanceof JsonArray array && array.isEmpty()) {
      emptyLists.add(path);
    } else {
      values.put(path, text(value));
    }
  }

  private static boolean hasEveryExactValue(JsonObject item) {
    return nonEmpty(item.get("resource_id"))
        && nonEmpty(item.get("checkpoint_id"))
        && nonEmpty(item.get("policy_id"))
        && nonEmpty(item.getJsonObject("backup_data").get("private_ip"));
  }

  private static boolean nonEmpty(JsonValue value) {
    return value instanceof JsonString string && !string.getString().isEmpty();
  }

  private static boolean allObjects(JsonArray array) {
    return array.stream().allMatch(element -> element instanceof JsonObject);
  }

  /** A value as the console writes it: null and "" a dash, strings as they are, others as JSON. */
  private static String text(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return "—";
    }
    if (value instanceof JsonString string) {
      return string.getString().isEmpty() ? "—" : string.getString();
    }
    return value.toString();
  }

  private static String time(JsonValue value) {
    return value instanceof JsonString string
        ? string.getString().substring(0, 19).replace('T', ' ')
        : "—";
  }

  /** Asserts an error box shows what the API answers to the same URL and token. */
  private void assertShowsRefusal(ShownError shown, String url, String token, int status) {
    try (Response response = api.get(URI.create(url), token)) {
      assertEquals(status, response.getStatus());
      JsonObject error = response.readEntity(JsonObject.class);
      assertEquals("HTTP " + status, shown.status());
      assertEquals(error.getString("error_code"), shown.code());
      assertEquals(error.getString("error_msg"), shown.message());
    }
    assertTrue(
        shown.requestId() != null && REQUEST_ID.matcher(shown.requestId()).matches(),
        "a request id is shown: " + shown.requestId());
  }

  private static JsonObject list(String token, String url) {
    return CatalogClient.ok(api.get(URI.create(url), token));
  }

  private static String nextHref(JsonObject page) {
    for (JsonValue link : page.getJsonArray("checkpoint_items_links")) {
      if (link.asJsonObject().getString("rel").equals("next")) {
        return link.asJsonObject().getString("href");
      }
    }
    return null;
  }

  /** The API's count for a project and a raw query string, as the console writes it. */
  private static String count(String token, String project, String rawQuery) {
    URI uri =
        catalog
            .baseUri()
            .resolve(
                "v1/"
                    + project
                    + "/checkpoint_items/count"
                    + (rawQuery.isEmpty() ? "" : "?" + rawQuery));
    long count = CatalogClient.ok(api.get(uri, token)).getJsonNumber("count").longValue();
    return String.format(Locale.US, "%,d", count);
  }

  /** A URL's query as the API reads it: decoded, each name with its values in order. */
  private static Map<String, List<String>> queryOf(String url) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    String raw = URI.create(url).getRawQuery();
    if (raw == null) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(pair.substring(0, equals));
      query.computeIfAbsent(name, key -> new ArrayList<>()).add(decode(pair.substring(equals + 1)));
    }
    return query;
  }

  private static String decode(String text) {
    return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
