package org.backupcatalog.web.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.backupcatalog.web.security.Operation;
import org.junit.jupiter.api.Test;

class RefusalOrderTest {

  @Test
  void jsonIsAcceptedByItsNameByWildcardsAndWhenNothingIsSaid() {
    assertTrue(accepts());
    assertTrue(accepts(MediaType.APPLICATION_JSON_TYPE));
    assertTrue(accepts(MediaType.WILDCARD_TYPE));
    assertTrue(accepts(new MediaType("application", "*")));
    assertTrue(accepts(MediaType.TEXT_HTML_TYPE, MediaType.APPLICATION_JSON_TYPE));
  }

  @Test
  void otherTypesAndJsonAtQualityZeroAreNot() {
    assertFalse(accepts(MediaType.APPLICATION_XML_TYPE));
    assertFalse(accepts(new MediaType("text", "*")));
    assertFalse(accepts(new MediaType("application", "json", Map.of("q", "0"))));
  }

  @Test
  void aBodyIsJsonByNameOnly() {
    assertTrue(RefusalOrder.isJson(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")));
    assertFalse(RefusalOrder.isJson(null));
    assertFalse(RefusalOrder.isJson(MediaType.WILDCARD_TYPE));
    assertFalse(RefusalOrder.isJson(new MediaType("application", "*")));
    assertFalse(RefusalOrder.isJson(MediaType.TEXT_PLAIN_TYPE));
  }

  @Test
  void theOperationsAreThoseTheResourceDeclares() {
    assertEquals(Operation.LIST, op("GET", "v1", "p", "checkpoint_items"));
    assertEquals(Operation.LIST, op("HEAD", "v1", "p", "checkpoint_items"));
    assertEquals(Operation.COUNT, op("GET", "v1", "p", "checkpoint_items", "count"));
    assertEquals(Operation.GET, op("GET", "v1", "p", "checkpoint_items", "x"));
    assertEquals(Operation.PUT, op("PUT", "v1", "p", "checkpoint_items", "x"));
    assertEquals(Operation.DELETE, op("DELETE", "v1", "p", "checkpoint_items", "x"));
    // JAX-RS matches them to the item named count, whose GET the literal path shadows.
    assertEquals(Operation.PUT, op("PUT", "v1", "p", "checkpoint_items", "count"));
    assertEquals(Operation.DELETE, op("DELETE", "v1", "p", "checkpoint_items", "count"));
  }

  @Test
  void anythingElseIsLeftToMatching() {
    assertNull(op("PUT", "v1", "p", "checkpoint_items"));
    assertNull(op("PATCH", "v1", "p", "checkpoint_items", "x"));
    assertNull(op("get", "v1", "p", "checkpoint_items"));
    assertNull(op("GET", "v2", "p", "checkpoint_items"));
    assertNull(op("GET", "v1", "p", "checkpoint_items", "x", "y"));
    assertNull(op("GET", "v1", "p"));
  }

  private static Operation op(String method, String... path) {
    return RefusalOrder.operationOf(method, List.of(path));
  }

  private static boolean accepts(MediaType... types) {
    return RefusalOrder.acceptsJson(List.of(types));
  }
}
