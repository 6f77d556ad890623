package org.backupcatalog.web.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.LogRecord;
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
    LogRecord record = new LogRecord(Level.INFO, line.text());
    record.setLoggerName("org.backupcatalog.access");
    record.setParameters(new Object[] {line.fields()});
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
