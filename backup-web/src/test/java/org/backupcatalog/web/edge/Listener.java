package org.backupcatalog.web.edge;

import static org.backupcatalog.web.edge.ListenerCase.BAD_CHUNK_SIZE;
import static org.backupcatalog.web.edge.ListenerCase.BAD_CONTENT_LENGTH;
import static org.backupcatalog.web.edge.ListenerCase.BAD_ESCAPE_IN_PATH;
import static org.backupcatalog.web.edge.ListenerCase.BAD_ESCAPE_IN_QUERY;
import static org.backupcatalog.web.edge.ListenerCase.BLANK_IN_TARGET;
import static org.backupcatalog.web.edge.ListenerCase.CHUNKED_AND_LENGTH;
import static org.backupcatalog.web.edge.ListenerCase.CONTROL_BYTE_IN_HEADER;
import static org.backupcatalog.web.edge.ListenerCase.ENCODED_BACKSLASH_IN_PATH;
import static org.backupcatalog.web.edge.ListenerCase.ENCODED_NUL_IN_PATH;
import static org.backupcatalog.web.edge.ListenerCase.HEADER_WITHOUT_COLON;
import static org.backupcatalog.web.edge.ListenerCase.HEAD_OVER_8_KB;
import static org.backupcatalog.web.edge.ListenerCase.MANY_HEADERS;
import static org.backupcatalog.web.edge.ListenerCase.NON_ASCII_HEADER;
import static org.backupcatalog.web.edge.ListenerCase.NON_UTF8_ESCAPE_IN_PATH;
import static org.backupcatalog.web.edge.ListenerCase.NOT_HTTP;
import static org.backupcatalog.web.edge.ListenerCase.NO_HOST;
import static org.backupcatalog.web.edge.ListenerCase.OVERLONG_UTF8_IN_PATH;
import static org.backupcatalog.web.edge.ListenerCase.RAW_UTF8_IN_PATH;
import static org.backupcatalog.web.edge.ListenerCase.TEXT_AFTER_VERSION;
import static org.backupcatalog.web.edge.ListenerCase.UNKNOWN_VERSION;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.backupcatalog.web.testing.RunningCatalog.Server;

/**
 * What each server's HTTP listener answers by itself, before any part of the WAR runs, to a request
 * holding a {@link ListenerCase}: the table of docs/edge.md, per server. A case a server's listener
 * does not refuse is absent, so the application must answer it with the contract's JSON. Besides
 * the statuses listed, a listener that refuses may close the connection before the client has read
 * the answer ({@link #CLOSED}); only bytes that are not HTTP may get no answer at all.
 */
final class Listener {

  /** The connection closed (or reset) without a status line. */
  static final int CLOSED = -1;

  /** Nothing within the client's timeout. */
  static final int TIMED_OUT = -2;

  /** The empty 200 of payara/Payara#8000 (a bad escape in the path). */
  static final int EMPTY_200 = 200;

  private final String name;
  private final Map<ListenerCase, Set<Integer>> refusals;

  private Listener(String name, Map<ListenerCase, Set<Integer>> refusals) {
    this.name = name;
    this.refusals = refusals;
  }

  /** Grizzly and Catalina (Payara Micro and Payara Server), or Undertow (WildFly). */
  static Listener of(Server server) {
    return server == Server.WILDFLY ? undertow() : grizzly();
  }

  private static Listener grizzly() {
    Map<ListenerCase, Set<Integer>> table = new EnumMap<>(ListenerCase.class);
    table.put(BLANK_IN_TARGET, Set.of(400, 505));
    table.put(UNKNOWN_VERSION, Set.of(505));
    table.put(TEXT_AFTER_VERSION, Set.of(400, 505));
    for (ListenerCase refused :
        new ListenerCase[] {
          NO_HOST,
          HEAD_OVER_8_KB,
          HEADER_WITHOUT_COLON,
          CONTROL_BYTE_IN_HEADER,
          NON_ASCII_HEADER,
          MANY_HEADERS,
          ENCODED_NUL_IN_PATH,
          ENCODED_BACKSLASH_IN_PATH,
          OVERLONG_UTF8_IN_PATH,
          NON_UTF8_ESCAPE_IN_PATH,
          BAD_CONTENT_LENGTH,
          BAD_CHUNK_SIZE,
          CHUNKED_AND_LENGTH
        }) {
      table.put(refused, Set.of(400));
    }
    table.put(BAD_ESCAPE_IN_PATH, Set.of(EMPTY_200));
    table.put(NOT_HTTP, Set.of(400, TIMED_OUT));
    return new Listener("Grizzly (Payara)", table);
  }

  /** With the settings of deploy/wildfly/backup-catalog.cli. */
  private static Listener undertow() {
    Map<ListenerCase, Set<Integer>> table = new EnumMap<>(ListenerCase.class);
    for (ListenerCase refused :
        new ListenerCase[] {
          BLANK_IN_TARGET,
          UNKNOWN_VERSION,
          TEXT_AFTER_VERSION,
          NO_HOST,
          RAW_UTF8_IN_PATH,
          BAD_ESCAPE_IN_PATH,
          BAD_ESCAPE_IN_QUERY,
          BAD_CONTENT_LENGTH,
          CHUNKED_AND_LENGTH
        }) {
      table.put(refused, Set.of(400));
    }
    table.put(NOT_HTTP, Set.of(400, TIMED_OUT));
    return new Listener("Undertow (WildFly)", table);
  }

  /**
   * The bare answers this listener may give to a request holding these cases, {@link #CLOSED}
   * included; empty when it refuses none of them (the application must answer).
   */
  Set<Integer> refusals(Set<ListenerCase> cases) {
    Set<Integer> allowed = new TreeSet<>();
    for (ListenerCase each : cases) {
      Set<Integer> statuses = refusals.get(each);
      if (statuses != null) {
        allowed.addAll(statuses);
        allowed.add(CLOSED);
      }
    }
    return allowed;
  }

  @Override
  public String toString() {
    return name;
  }
}
