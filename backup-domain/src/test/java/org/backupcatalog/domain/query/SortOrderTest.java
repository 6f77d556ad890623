package org.backupcatalog.domain.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backupcatalog.domain.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SortOrderTest {

  private static String wire(SortOrder order) {
    return String.join(
        ",",
        order.terms().stream()
            .map(t -> t.key().wireName() + ":" + t.direction().wireName())
            .toList());
  }

  @Test
  void appendsCreatedAtAndIdInTheFirstKeysDirection() {
    assertEquals("name:asc,created_at:asc,id:asc", wire(SortOrder.parse("name:asc")));
    assertEquals(
        "status:desc,updated_at:asc,created_at:desc,id:desc",
        wire(SortOrder.parse("status,updated_at:asc")));
  }

  @Test
  void doesNotRepeatKeysAlreadyNamed() {
    assertEquals("id:asc,created_at:asc", wire(SortOrder.parse("id:asc")));
    assertEquals(
        "created_at:asc,name:desc,id:asc", wire(SortOrder.parse("created_at:asc,name:desc")));
  }

  @Test
  void defaultIsNewestFirst() {
    assertEquals("created_at:desc,id:desc", wire(SortOrder.DEFAULT));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "size",
        "name:",
        "name:ASC",
        "name:up",
        "Name",
        "name,",
        ",name",
        "name,,id",
        "name,name:asc",
        "name:asc:desc",
        " name"
      })
  void refusesMalformedSorts(String sort) {
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> SortOrder.parse(sort));
    assertEquals("sort", e.parameter());
  }

  @Test
  void refusesMoreThan255Characters() {
    String longSort = "name:asc," + "x".repeat(250);
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> SortOrder.parse(longSort));
    assertEquals("Invalid parameter sort: must be at most 255 characters", e.getMessage());
  }
}
