package org.backupcatalog.web.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void theClientsIdIsKept() {
    assertEquals("abc-123", RequestIds.choose("abc-123"));
  }

  @Test
  void withoutOneANewUuidIsMade() {
    String id = RequestIds.choose(null);
    assertEquals(id, UUID.fromString(id).toString());
  }

  @Test
  void anIdUnsafeToEchoIsReplaced() {
    assertNotEquals("a b", RequestIds.choose("a b"));
    assertNotEquals("", RequestIds.choose(""));
    assertNotEquals("x".repeat(129), RequestIds.choose("x".repeat(129)));
  }
}
