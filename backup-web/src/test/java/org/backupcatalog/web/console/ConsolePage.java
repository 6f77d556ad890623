package org.backupcatalog.web.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as a user drives it: fields, buttons and what the page shows, read back as text. The
 * waits follow what the page says it is doing (the table's {@code aria-busy}, the request line), so
 * that no test sleeps.
 */
final class ConsolePage {

  /** Where the screenshots go; listed in the test report. */
  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  /** One error box as shown: HTTP status, error_code, error_msg and request id. */
  record ShownError(String status, String code, String message, String requestId) {}

  /** One bar of the chart: its status and the count written next to it. */
  record Bar(String status, String count) {}

  private final WebDriver driver;
  private final WebDriverWait wait;

  ConsolePage(WebDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /** Opens the console signed out (a fresh tab session), at the sign-in form. */
  ConsolePage open(URI catalog) {
    driver.get(catalog.resolve("console/").toString());
    script("sessionStorage.clear()");
    driver.navigate().refresh();
    wait.until(d -> d.findElement(By.id("token")).isDisplayed());
    return this;
  }

  /** Pastes the token, which fills the project field from the token, as a user would see it. */
  ConsolePage pasteToken(String token) {
    WebElement field = driver.findElement(By.id("token"));
    field.clear();
    field.sendKeys(token);
    return this;
  }

  String signInProject() {
    return driver.findElement(By.id("sign-in-project")).getDomProperty("value");
  }

  void submitSignIn() {
    driver.findElement(By.id("sign-in-submit")).click();
  }

  /** Signs in and waits for the first page of the token's own project. */
  String signIn(String token) {
    pasteToken(token);
    submitSignIn();
    wait.until(d -> d.findElement(By.id("console")).isDisplayed());
    return awaitPage();
  }

  String identity() {
    return driver.findElement(By.id("identity")).getText();
  }

  boolean consoleShown() {
    return driver.findElement(By.id("console")).isDisplayed();
  }

  ShownError awaitSignInError() {
    return awaitError("sign-in-error");
  }

  ShownError awaitQueryError() {
    return awaitError("api-error");
  }

  boolean queryErrorShown() {
    return driver.findElement(By.id("api-error")).isDisplayed();
  }

  ConsolePage project(String project) {
    return type("project", project);
  }

  String project() {
    return driver.findElement(By.id("project")).getDomProperty("value");
  }

  ConsolePage allTenants(boolean on) {
    WebElement box = driver.findElement(By.id("all-tenants"));
    if (box.isSelected() != on) {
      box.click();
    }
    return this;
  }

  ConsolePage status(String status) {
    driver.findElement(By.id("status-" + status)).click();
    return this;
  }

  /** Types into a filter field, by its id. */
  ConsolePage type(String fieldId, String value) {
    WebElement field = driver.findElement(By.id(fieldId));
    field.clear();
    field.sendKeys(value);
    return this;
  }

  /** Sets a datetime-local field (typing into one depends on the locale's field order). */
  ConsolePage dateTime(String fieldId, String value) {
    script(
        "const f = document.getElementById(arguments[0]); f.value = arguments[1];"
            + " f.dispatchEvent(new Event('input', {bubbles: true}));",
        fieldId,
        value);
    return this;
  }

  /** Chooses the page size, which reloads the first page; answers the new page's URL. */
  String pageSize(int rows) {
    String before = requestUrl();
    new Select(driver.findElement(By.id("page-size"))).selectByVisibleText(Integer.toString(rows));
    return awaitPageOtherThan(before);
  }

  /** Applies the filters; answers the URL of the first page the console asked for. */
  String apply() {
    driver.findElement(By.id("apply")).click();
    return awaitPage();
  }

  /** Clicks a column header's sort button; answers the URL of the page it loads. */
  String sortBy(String sortKey) {
    String before = requestUrl();
    sortButton(sortKey).click();
    return awaitPageOtherThan(before);
  }

  WebElement sortButton(String sortKey) {
    return driver.findElement(
        By.cssSelector("#items-head button[data-sort-key='" + sortKey + "']"));
  }

  /** The aria-sort of a column header, or null. */
  String ariaSort(String column) {
    return driver
        .findElement(By.cssSelector("#items-head th[data-column='" + column + "']"))
        .getDomAttribute("aria-sort");
  }

  String next() {
    return pagerButton("next");
  }

  String previous() {
    return pagerButton("previous");
  }

  String first() {
    return pagerButton("first");
  }

  boolean enabled(String buttonId) {
    return driver.findElement(By.id(buttonId)).isEnabled();
  }

  private String pagerButton(String id) {
    String before = requestUrl();
    driver.findElement(By.id(id)).click();
    return awaitPageOtherThan(before);
  }

  /** The URL of the page on show, as the console's request line states it. */
  String requestUrl() {
    return driver.findElement(By.id("request-url")).getText();
  }

  String pageStatus() {
    return driver.findElement(By.id("page-status")).getText();
  }

  /** The table's header labels, left to right. */
  @SuppressWarnings("unchecked")
  List<String> columns() {
    return (List<String>)
        script(
            "return [...document.querySelectorAll('#items-head th')]"
                + ".map(th => th.dataset.column);");
  }

  /** Every row as column id to the text it shows. */
  @SuppressWarnings("unchecked")
  List<Map<String, String>> rows() {
    List<Map<String, Object>> rows =
        (List<Map<String, Object>>)
            script(
                "return [...document.querySelectorAll('#items-body tr')].map(tr =>"
                    + " Object.fromEntries([...tr.cells].map(td =>"
                    + " [td.dataset.column, td.textContent])));");
    return rows.stream().map(ConsolePage::texts).toList();
  }

  /** The count of the query, once counted. */
  String count() {
    wait.until(d -> !d.findElement(By.id("count")).getText().equals("…"));
    return driver.findElement(By.id("count")).getText();
  }

  /** The chart's bars, once drawn. */
  @SuppressWarnings("unchecked")
  List<Bar> bars() {
    wait.until(d -> !d.findElements(By.cssSelector("#chart svg g[data-status]")).isEmpty());
    List<Map<String, Object>> bars =
        (List<Map<String, Object>>)
            script(
                "return [...document.querySelectorAll('#chart svg g[data-status]')].map(g =>"
                    + " ({status: g.dataset.status,"
                    + " count: g.querySelector('.bar-value').textContent}));");
    return bars.stream()
        .map(bar -> new Bar((String) bar.get("status"), (String) bar.get("count")))
        .toList();
  }

  /** The text that describes the chart to assistive technology. */
  String chartDescription() {
    return (String) script("return document.querySelector('#chart svg desc').textContent;");
  }

  /** Opens an item by its id button; answers the item URL the dialog states once loaded. */
  String openItem(String id) {
    driver
        .findElement(
            By.cssSelector("#items-body tr[data-id='" + id + "'] td[data-column='id'] button"))
        .click();
    WebElement dialog = driver.findElement(By.id("details"));
    wait.until(d -> dialog.isDisplayed());
    wait.until(d -> !d.findElements(By.id("details-url")).isEmpty());
    return (String) script("return document.getElementById('details-url').textContent;");
  }

  String detailsTitle() {
    return driver.findElement(By.id("details-title")).getText();
  }

  boolean detailsOpen() {
    return (Boolean) script("return document.getElementById('details').open;");
  }

  /** Every value in the details, by its JSON path. */
  @SuppressWarnings("unchecked")
  Map<String, String> detailFields() {
    Map<String, Object> fields =
        (Map<String, Object>)
            script(
                "return Object.fromEntries([...document.querySelectorAll('#details-body"
                    + " [data-field]')].map(e => [e.dataset.field, e.textContent]));");
    return texts(fields);
  }

  /** The paths of the lists that the details show as empty. */
  @SuppressWarnings("unchecked")
  List<String> emptyDetailLists() {
    return (List<String>)
        script(
            "return [...document.querySelectorAll('#details-body [data-empty]')]"
                + ".map(e => e.dataset.list);");
  }

  /** Sends a key to whatever has the focus. */
  void press(CharSequence key) {
    driver.switchTo().activeElement().sendKeys(key);
  }

  /** The id of the focused element. */
  String focusedId() {
    return driver.switchTo().activeElement().getDomAttribute("id");
  }

  void awaitDetailsClosed() {
    wait.until(d -> !detailsOpen());
  }

  /** Saves a screenshot of the window under {@link #SCREENSHOTS}. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      // Clicking scrolls the page to the element; a screenshot shows it from the top.
      script("window.scrollTo(0, 0)");
      Path target = SCREENSHOTS.resolve(name + ".png");
      Path taken =
          ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(taken, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the table is not loading, and answers the URL of the page it shows. */
  String awaitPage() {
    wait.until(
        d ->
            d.findElement(By.id("items")).getDomAttribute("aria-busy") == null
                && !requestUrl().isEmpty());
    return requestUrl();
  }

  /** Waits for a page other than the one given, and answers its URL. */
  String awaitPageAfter(String before) {
    return awaitPageOtherThan(before);
  }

  /** The sort key of the header button that has the focus, or null. */
  String focusedSortKey() {
    return driver.switchTo().activeElement().getDomAttribute("data-sort-key");
  }

  private String awaitPageOtherThan(String before) {
    wait.until(d -> !requestUrl().equals(before));
    return awaitPage();
  }

  private ShownError awaitError(String boxId) {
    WebElement box = driver.findElement(By.id(boxId));
    wait.until(d -> box.isDisplayed());
    return new ShownError(
        textOf(box, "[data-error-status]"),
        textOf(box, "[data-error-code]"),
        textOf(box, "[data-error-msg]"),
        textOf(box, "[data-request-id]"));
  }

  private static String textOf(WebElement box, String selector) {
    List<WebElement> found = box.findElements(By.cssSelector(selector));
    return found.isEmpty() ? null : found.get(0).getText();
  }

  private Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  private static Map<String, String> texts(Map<String, Object> values) {
    Map<String, String> texts = new LinkedHashMap<>();
    values.forEach((key, value) -> texts.put(key, (String) value));
    return texts;
  }
}
