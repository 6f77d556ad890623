package org.backupcatalog.domain.query;

import java.math.BigInteger;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.backupcatalog.api.BackupStatus;
import org.backupcatalog.api.Timestamps;
import org.backupcatalog.domain.InvalidParameterException;

/**
 * The decoded query string of a list or count request. Empty values count as absent and are dropped
 * first; names this class does not read are ignored, as real SDKs send extra ones. Each value is
 * checked when it is read, so that {@code /count} never refuses the paging parameters it ignores.
 */
public final class QueryParameters {

  public static final int DEFAULT_LIMIT = 1000;
  static final int MAX_TEXT = 255;
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final BigInteger MAX_OFFSET = BigInteger.valueOf(Integer.MAX_VALUE);

  private final Map<String, List<String>> values;

  private QueryParameters(Map<String, List<String>> values) {
    this.values = values;
  }

  public static QueryParameters of(Map<String, List<String>> raw) {
    Map<String, List<String>> present = new LinkedHashMap<>();
    raw.forEach(
        (name, list) -> {
          List<String> nonEmpty = list.stream().filter(v -> v != null && !v.isEmpty()).toList();
          if (!nonEmpty.isEmpty()) {
            present.put(name, nonEmpty);
          }
        });
    return new QueryParameters(present);
  }

  /** {@code all_tenants}: true/false or 1/0, in any case. */
  public boolean allTenants() {
    String value = single("all_tenants");
    if (value == null) {
      return false;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new InvalidParameterException("all_tenants", "must be true or false");
    };
  }

  public ListQuery listQuery(Scope scope, int maxLimit) {
    return new ListQuery(scope, filter(), order(), page(maxLimit));
  }

  public ItemFilter filter() {
    Instant start = time("start_time");
    Instant end = time("end_time");
    if (start != null && end != null && start.isAfter(end)) {
      throw new InvalidParameterException("start_time", "must not be after end_time");
    }
    return new ItemFilter(
        statuses(),
        folded("name"),
        folded("resource_name"),
        single("az"),
        single("resource_id"),
        single("checkpoint_id"),
        single("policy_id"),
        single("resource_type"),
        single("image_type"),
        single("ip"),
        start,
        end);
  }

  public SortOrder order() {
    String sort = single("sort");
    return sort == null ? SortOrder.DEFAULT : SortOrder.parse(sort);
  }

  public PageRequest page(int maxLimit) {
    BigInteger limit = integer("limit", "must be an integer >= 1");
    if (limit != null && limit.signum() < 1) {
      throw new InvalidParameterException("limit", "must be an integer >= 1");
    }
    BigInteger offset = integer("offset", "must be an integer from 0 to 2147483647");
    if (offset != null && (offset.signum() < 0 || offset.compareTo(MAX_OFFSET) > 0)) {
      throw new InvalidParameterException("offset", "must be an integer from 0 to 2147483647");
    }
    int pageSize =
        limit == null
            ? Math.min(DEFAULT_LIMIT, maxLimit)
            : limit.min(BigInteger.valueOf(maxLimit)).intValue();
    return new PageRequest(single("marker"), offset == null ? 0 : offset.intValue(), pageSize);
  }

  private Set<BackupStatus> statuses() {
    Set<BackupStatus> statuses = EnumSet.noneOf(BackupStatus.class);
    for (String value : values.getOrDefault("status", List.of())) {
      statuses.add(
          BackupStatus.fromWireName(value)
              .orElseThrow(
                  () ->
                      new InvalidParameterException(
                          "status",
                          "'"
                              + value
                              + "' is not one of waiting_protect, protecting, available,"
                              + " waiting_restore, restoring, error, waiting_delete, deleting,"
                              + " deleted")));
    }
    return statuses;
  }

  private String folded(String name) {
    String value = single(name);
    if (value == null) {
      return null;
    }
    if (value.codePointCount(0, value.length()) > MAX_TEXT) {
      throw new InvalidParameterException(name, "must be at most " + MAX_TEXT + " characters");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  private Instant time(String name) {
    String value = single(name);
    if (value == null) {
      return null;
    }
    try {
      return Timestamps.parse(value);
    } catch (RuntimeException e) {
      throw new InvalidParameterException(
          name, "must be a date-time like 2017-04-18T01:21:52.701973, optionally with Z or +hh:mm");
    }
  }

  private BigInteger integer(String name, String problem) {
    String value = single(name);
    if (value == null) {
      return null;
    }
    if (!INTEGER.matcher(value).matches()) {
      throw new InvalidParameterException(name, problem);
    }
    return new BigInteger(value);
  }

  private String single(String name) {
    List<String> given = values.get(name);
    if (given == null) {
      return null;
    }
    if (given.size() > 1) {
      throw new InvalidParameterException(name, "must be given at most once");
    }
    return given.get(0);
  }
}
