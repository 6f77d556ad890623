package org.backupcatalog.web.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.text.MessageFormat;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class LogLineTest {

  private final LogLine line =
      new LogLine()
          .add("request_id", "r-1")
          .add("route", "/v1/{project_id}/checkpoint_items")
          .add("status", 200)
          .add("duration_ms", 1.5)
          .add("sub", null)
          .add("query", "name=a b&x=\"y\"");

  @Test
  void textQuotesWhatWouldBreakTheKeyValueForm() {
    assertEquals(
        "request_id=r-1 route=/v1/{project_id}/checkpoint_items status=200 duration_ms=1.5 sub=-"
            + " query=\"name=a b&x=\\\"y\\\"\"",
        line.text());
  }

  @Test
  void jsonKeepsTypesAndNulls() {
    LogRecord record = line.record(Level.INFO, "org.backupcatalog.access");
    String formatted = new JsonLineFormatter().format(record);
    assertEquals(1, formatted.lines().count());
    JsonObject json = Json.createReader(new StringReader(formatted)).readObject();
    assertEquals("org.backupcatalog.access", json.getString("logger"));
    assertEquals("INFO", json.getString("level"));
    assertEquals(200, json.getInt("status"));
    assertEquals(1.5, json.getJsonNumber("duration_ms").doubleValue());
    assertEquals(true, json.isNull("sub"));
    assertEquals("name=a b&x=\"y\"", json.getString("query"));
  }

  /**
   * A server's formatter shows the text whichever way it formats parameters: java.util.logging's
   * (Payara) formats only a message holding a placeholder, JBoss LogManager's (WildFly) puts every
   * message holding a brace through MessageFormat, which rejected the route templates themselves.
   */
  @Test
  void serversFormattersShowTheText() {
    LogRecord record = line.record(Level.INFO, "org.backupcatalog.access");
    assertEquals(line.text(), new SimpleFormatter().formatMessage(record));
    assertEquals(line.text(), MessageFormat.format(record.getMessage(), record.getParameters()));
  }

  @Test
  void otherRecordsKeepTheirMessage() {
    LogRecord record = new LogRecord(Level.WARNING, "plain {0}");
    record.setParameters(new Object[] {"text"});
    record.setLoggerName("x");
    JsonObject json =
        Json.createReader(new StringReader(new JsonLineFormatter().format(record))).readObject();
    assertEquals("plain text", json.getString("message"));
  }
}
