package org.backupcatalog.web.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plans PostgreSQL's {@code auto_explain} wrote into the server's log (text format, with actual
 * row counts): what the server really did with the statements the catalog really sent, bound values
 * and all, rather than a hand-written copy of the SQL.
 */
final class QueryPlans {

  private static final Pattern ROWS_REMOVED =
      Pattern.compile("Rows Removed by (Join )?Filter: (\\d+)");

  private QueryPlans() {}

  /** One logged plan: the statement's text and the plan's lines. */
  record Plan(String query, String plan) {

    /** A SELECT of whole items ordered by the sort keys: a list page, not a child-row batch. */
    boolean isListPage() {
      return query.contains(" FROM checkpoint_item ") && query.contains(" ORDER BY ");
    }

    /** Has a node that sorts rows, which an index scan in the effective order makes needless. */
    boolean sorts() {
      return plan.lines()
          .map(line -> line.strip().replaceFirst("^->\\s+", ""))
          .anyMatch(line -> line.startsWith("Sort ") || line.startsWith("Incremental Sort "));
    }

    /** Reads an index whose name starts with {@code prefix}. */
    boolean scansIndex(String prefix) {
      return plan.contains("Index Scan using " + prefix)
          || plan.contains("Index Scan Backward using " + prefix)
          || plan.contains("Index Only Scan using " + prefix)
          || plan.contains("Index Only Scan Backward using " + prefix);
    }

    /** The {@code Index Cond} lines of the plan. */
    List<String> indexConditions() {
      return plan.lines().map(String::strip).filter(l -> l.startsWith("Index Cond: ")).toList();
    }

    /** Rows an index scan read and a filter (or join filter) then dropped. */
    long rowsRemoved() {
      long removed = 0;
      Matcher m = ROWS_REMOVED.matcher(plan);
      while (m.find()) {
        removed += Long.parseLong(m.group(2));
      }
      return removed;
    }

    boolean hasJoinFilter() {
      return plan.contains("Join Filter:");
    }

    @Override
    public String toString() {
      return query + "\n" + plan;
    }
  }

  /**
   * The plans in a stretch of the log. A plan is a {@code LOG: duration: ... plan:} line, then
   * {@code Query Text:} and the plan's lines, which the server's stderr log indents with a tab.
   */
  static List<Plan> in(String log) {
    List<Plan> plans = new ArrayList<>();
    List<String> lines = log.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!(line.contains("LOG:  duration: ") && line.endsWith(" plan:"))) {
        continue;
      }
      String query = null;
      StringBuilder plan = new StringBuilder();
      while (i + 1 < lines.size() && lines.get(i + 1).startsWith("\t")) {
        String body = lines.get(++i).substring(1);
        if (query == null && body.startsWith("Query Text: ")) {
          query = body.substring("Query Text: ".length());
        } else {
          plan.append(body).append('\n');
        }
      }
      if (query != null) {
        plans.add(new Plan(query, plan.toString()));
      }
    }
    return plans;
  }
}
