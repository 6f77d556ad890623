package org.backupcatalog.loader;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a load wrote and how long it took.
 *
 * @param itemsPerProject in the order the projects were given (the largest first)
 */
public record LoadReport(
    long items,
    long volumeBackups,
    long images,
    Map<String, Integer> itemsPerProject,
    Duration elapsed) {

  public LoadReport {
    itemsPerProject = Collections.unmodifiableMap(new LinkedHashMap<>(itemsPerProject));
  }

  public double itemsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds == 0 ? 0 : items / seconds;
  }
}
