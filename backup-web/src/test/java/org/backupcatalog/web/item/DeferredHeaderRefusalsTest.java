package org.backupcatalog.web.item;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeferredHeaderRefusalsTest {

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
    assertFalse(accepts(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"), true));
  }

  private static boolean accepts(MediaType... types) {
    return DeferredHeaderRefusals.acceptsJson(List.of(types));
  }

  private static boolean accepts(MediaType type, boolean qualityZero) {
    MediaType refused =
        new MediaType(
            type.getType(), type.getSubtype(), java.util.Map.of("q", qualityZero ? "0" : "1"));
    return accepts(refused);
  }
}
