package org.backupcatalog.web.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium}, headless, driven through Debian's {@code chromedriver}. Both paths are
 * given to Selenium, so that Selenium Manager downloads nothing; a missing browser fails the test
 * (CI installs both). Each browser gets a fresh profile directory, deleted on {@link #close}.
 */
final class Chromium implements AutoCloseable {

  static final String BROWSER_PROPERTY = "console.chromium";
  static final String DRIVER_PROPERTY = "console.chromedriver";

  /** A laptop screen: what the console must be readable on. */
  static final int WIDTH = 1440;

  static final int HEIGHT = 900;

  private final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static Chromium start() {
    Path browser = executable(BROWSER_PROPERTY, "/usr/bin/chromium");
    Path chromedriver = executable(DRIVER_PROPERTY, "/usr/bin/chromedriver");
    Path profile;
    try {
      profile = Files.createTempDirectory("console-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-US",
        "--window-size=" + WIDTH + "," + HEIGHT,
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(60))
            .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      return new Chromium(driver, profile);
    } catch (RuntimeException e) {
      deleteRecursively(profile);
      throw e;
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteRecursively(profile);
    }
  }

  private static Path executable(String property, String fallback) {
    Path path = Path.of(System.getProperty(property, fallback));
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(
          path
              + " is missing: the console's browser tests need Debian's chromium and chromedriver"
              + " (apt-get install -y chromium chromium-driver), or -D"
              + property
              + "=<path>");
    }
    return path;
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
