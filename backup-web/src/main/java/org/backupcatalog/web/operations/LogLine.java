package org.backupcatalog.web.operations;

import jakarta.json.spi.JsonProvider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A structured log line: named fields in a fixed order, logged as one record that reads {@code
 * key=value ...} in any server log (values with spaces or quotes JSON-quoted) and from which {@link
 * JsonLineFormatter} writes a JSON object.
 *
 * <p>The record's message is the pattern <code>{0}</code> and its one parameter the {@link Fields},
 * whose {@code toString} is the text. The text itself is never the pattern: it holds route
 * templates such as <code>/v1/{project_id}/checkpoint_items</code>, and a server that formats every
 * message with parameters through {@code MessageFormat} (WildFly's JBoss LogManager does when the
 * message contains a brace) fails on them and drops the line.
 */
final class LogLine {

  /**
   * Looked up once: {@code Json.createObjectBuilder()} and the like look the provider up per call.
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Pattern PLAIN = Pattern.compile("[\\x21-\\x7E&&[^\"=\\\\]]+");

  private final Map<String, Object> fields = new LinkedHashMap<>();

  /** Adds a field; null values are kept (written {@code -} and JSON null). */
  LogLine add(String name, Object value) {
    fields.put(name, value);
    return this;
  }

  Map<String, Object> fields() {
    return Collections.unmodifiableMap(fields);
  }

  String text() {
    StringBuilder text = new StringBuilder();
    fields.forEach(
        (name, value) -> {
          if (text.length() > 0) {
            text.append(' ');
          }
          text.append(name).append('=').append(render(value));
        });
    return text.toString();
  }

  void log(Logger logger, Level level) {
    if (logger.isLoggable(level)) {
      logger.log(record(level, logger.getName()));
    }
  }

  /** The record as {@link #log} hands it to the logger. */
  LogRecord record(Level level, String loggerName) {
    LogRecord record = new LogRecord(level, "{0}");
    record.setLoggerName(loggerName);
    record.setParameters(new Object[] {new Fields(fields(), text())});
    return record;
  }

  /** The one parameter of the record: the fields for JSON, the text for everything else. */
  record Fields(Map<String, Object> values, String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  private static String render(Object value) {
    if (value == null) {
      return "-";
    }
    String text = String.valueOf(value);
    if (PLAIN.matcher(text).matches()) {
      return text;
    }
    return JSON.createValue(text).toString();
  }
}
