package org.backupcatalog.domain.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backupcatalog.api.BackupStatus;
import org.backupcatalog.domain.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParametersTest {

  private static QueryParameters params(String... nameValuePairs) {
    Map<String, List<String>> raw = new LinkedHashMap<>();
    for (int k = 0; k < nameValuePairs.length; k += 2) {
      raw.computeIfAbsent(nameValuePairs[k], n -> new java.util.ArrayList<>())
          .add(nameValuePairs[k + 1]);
    }
    return QueryParameters.of(raw);
  }

  private static InvalidParameterException refused(Runnable read) {
    return assertThrows(InvalidParameterException.class, read::run);
  }

  @Test
  void defaultsToTheFirstThousandNewestFirst() {
    PageRequest page = params().page(1000);
    assertEquals(new PageRequest(null, 0, 1000), page);
    assertEquals(
        List.of(
            new SortTerm(SortKey.CREATED_AT, SortDirection.DESC),
            new SortTerm(SortKey.ID, SortDirection.DESC)),
        params().order().terms());
  }

  @Test
  void lowersLimitsAboveTheMaximumHoweverLarge() {
    assertEquals(1000, params("limit", "1001").page(1000).limit());
    assertEquals(1000, params("limit", "99999999999999999999999").page(1000).limit());
    assertEquals(50, params("limit", "200").page(50).limit());
    assertEquals(7, params("limit", "7").page(1000).limit());
  }

  @ParameterizedTest
  @CsvSource({"limit,0", "limit,-1", "limit,abc", "limit,1.5", "limit,' 5'", "limit,0x10"})
  void refusesLimitsThatAreNotPositiveIntegers(String name, String value) {
    InvalidParameterException e = refused(() -> params(name, value).page(1000));
    assertEquals("limit", e.parameter());
    assertEquals("Invalid parameter limit: must be an integer >= 1", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"-1", "2147483648", "x", "99999999999999999999"})
  void refusesOffsetsOutOfRange(String value) {
    assertEquals("offset", refused(() -> params("offset", value).page(1000)).parameter());
  }

  @Test
  void acceptsTheLargestOffset() {
    assertEquals(Integer.MAX_VALUE, params("offset", "2147483647").page(1000).offset());
  }

  @Test
  void emptyValuesCountAsAbsent() {
    QueryParameters p = params("status", "", "status", "error", "limit", "", "name", "");
    assertEquals(Set.of(BackupStatus.ERROR), p.filter().statuses());
    assertEquals(1000, p.page(1000).limit());
    assertEquals(null, p.filter().nameContains());
  }

  @Test
  void statusRepeatsAndIsOred() {
    assertEquals(
        Set.of(BackupStatus.AVAILABLE, BackupStatus.ERROR),
        params("status", "available", "status", "error").filter().statuses());
  }

  @ParameterizedTest
  @CsvSource({"Available", "unknown", "'available '"})
  void refusesUnknownStatuses(String value) {
    assertEquals("status", refused(() -> params("status", value).filter()).parameter());
  }

  @ParameterizedTest
  @CsvSource({
    "limit,1",
    "marker,a",
    "offset,1",
    "sort,name",
    "all_tenants,true",
    "name,a",
    "resource_name,a",
    "az,a",
    "resource_id,a",
    "checkpoint_id,a",
    "policy_id,a",
    "resource_type,a",
    "image_type,a",
    "ip,a",
    "start_time,2020-01-01T00:00:00",
    "end_time,2020-01-01T00:00:00"
  })
  void refusesSingleValuedParametersGivenTwice(String name, String value) {
    QueryParameters p = params(name, value, name, value);
    InvalidParameterException e =
        refused(
            () -> {
              p.allTenants();
              p.listQuery(Scope.allTenants(), 1000);
            });
    assertEquals(name, e.parameter());
  }

  @Test
  void ignoresParametersItDoesNotKnow() {
    assertEquals(ItemFilter.NONE, params("dec", "true", "enterprise_project_id", "0").filter());
  }

  @ParameterizedTest
  @CsvSource({"true,true", "TRUE,true", "1,true", "false,false", "False,false", "0,false"})
  void readsAllTenants(String value, boolean expected) {
    assertEquals(expected, params("all_tenants", value).allTenants());
  }

  @ParameterizedTest
  @CsvSource({"yes", "2", "truee"})
  void refusesOtherAllTenantsValues(String value) {
    assertEquals(
        "all_tenants", refused(() -> params("all_tenants", value).allTenants()).parameter());
  }

  @Test
  void foldsSubstringFiltersWithRootLocale() {
    assertEquals("sicherung_ä", params("name", "Sicherung_Ä").filter().nameContains());
    assertEquals("i", params("resource_name", "I").filter().resourceNameContains());
  }

  @Test
  void countsNameLengthInCodePoints() {
    String emoji255 = "😀".repeat(255);
    assertEquals(emoji255, params("name", emoji255).filter().nameContains());
    assertEquals("name", refused(() -> params("name", "a".repeat(256)).filter()).parameter());
    assertEquals(
        "resource_name",
        refused(() -> params("resource_name", "a".repeat(256)).filter()).parameter());
  }

  @Test
  void readsTimesWithAndWithoutOffsets() {
    ItemFilter f =
        params("start_time", "2017-04-18T01:21:52.701973", "end_time", "2017-04-18T03:21:53+02:00")
            .filter();
    assertEquals(Instant.parse("2017-04-18T01:21:52.701973Z"), f.startTime());
    assertEquals(Instant.parse("2017-04-18T01:21:53Z"), f.endTime());
  }

  @ParameterizedTest
  @CsvSource({"start_time,yesterday", "end_time,2017-04-18", "start_time,2017-13-01T00:00:00"})
  void refusesTimesThatAreNotDateTimes(String name, String value) {
    assertEquals(name, refused(() -> params(name, value).filter()).parameter());
  }

  @Test
  void refusesAStartAfterTheEnd() {
    InvalidParameterException e =
        refused(
            () ->
                params("start_time", "2020-01-02T00:00:00", "end_time", "2020-01-01T00:00:00")
                    .filter());
    assertEquals("start_time", e.parameter());
  }

  @Test
  void allowsAnInstantWindow() {
    assertTrue(
        params("start_time", "2020-01-01T00:00:00", "end_time", "2020-01-01T00:00:00Z")
                .filter()
                .startTime()
            != null);
    assertFalse(params().allTenants());
  }
}
