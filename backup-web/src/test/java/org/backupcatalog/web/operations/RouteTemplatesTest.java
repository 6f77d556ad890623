package org.backupcatalog.web.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

  @Test
  void theLiteralCountWinsOverAnItemId() {
    assertEquals(
        new RouteTemplates.Match(RouteTemplates.COUNT, "p1", null),
        RouteTemplates.of("/v1/p1/checkpoint_items/count"));
    assertEquals(
        new RouteTemplates.Match(RouteTemplates.ITEM, "p1", "item-1"),
        RouteTemplates.of("/v1/p1/checkpoint_items/item-1"));
    assertEquals(
        new RouteTemplates.Match(RouteTemplates.LIST, "p1", null),
        RouteTemplates.of("/v1/p1/checkpoint_items"));
  }

  @Test
  void anythingElseIsOneLabel() {
    assertEquals(RouteTemplates.OTHER, RouteTemplates.of("/v2/x").template());
    assertEquals(RouteTemplates.OTHER, RouteTemplates.of("/v1/p1/checkpoint_items/a/b").template());
    assertEquals("/health/ready", RouteTemplates.of("/health/ready").template());
  }
}
