package org.backupcatalog.web.error;

import jakarta.json.stream.JsonParsingException;
import jakarta.resource.ResourceException;
import jakarta.ws.rs.WebApplicationException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.backupcatalog.domain.CheckpointItemNotFoundException;
import org.backupcatalog.domain.InvalidParameterException;
import org.backupcatalog.domain.PreconditionFailedException;

/**
 * Decides which contract error a throwable is. Exceptions arrive wrapped (JPA in EJB in
 * ProcessingException, ...), so the whole cause chain is searched.
 */
public final class FailureClassifier {

  private FailureClassifier() {}

  public static ApiError classify(Throwable failure) {
    for (Throwable t : chain(failure)) {
      if (t instanceof ApiError apiError) {
        return apiError;
      }
      if (t instanceof InvalidParameterException invalid) {
        return ApiError.invalidParameter(invalid.getMessage());
      }
      if (t instanceof CheckpointItemNotFoundException) {
        return ApiError.itemNotFound();
      }
      if (t instanceof PreconditionFailedException) {
        return ApiError.preconditionFailed();
      }
      if (t instanceof WebApplicationException web && web.getResponse() != null) {
        ApiError byStatus = ApiError.forStatus(web.getResponse().getStatus());
        return byStatus.status() < 500
            ? byStatus
            : new ApiError(byStatus.status(), byStatus.code(), byStatus.getMessage(), failure);
      }
    }
    for (Throwable t : chain(failure)) {
      if (isDatabaseUnreachable(t)) {
        return ApiError.databaseUnavailable(failure);
      }
      if (t instanceof JsonParsingException) {
        return ApiError.invalidParameter("Invalid request body: not well-formed JSON");
      }
      if (isUnstorableCharacter(t)) {
        return ApiError.invalidParameter(
            "Invalid parameter: a value holds a character the catalog cannot store (NUL)");
      }
      if (isMalformedQueryString(t)) {
        return ApiError.invalidParameter("Invalid query string: malformed percent-encoding");
      }
    }
    return ApiError.unexpected(failure);
  }

  /**
   * Connection failures, as opposed to a bad statement: SQLState class 08 (connection exception),
   * 57P (PostgreSQL shutting down), Derby's XJ040 (database could not be booted), the JDBC
   * connection exception types, and the pool's own "cannot allocate a connection".
   */
  static boolean isDatabaseUnreachable(Throwable t) {
    if (t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof SQLRecoverableException
        || t instanceof ResourceException
        || t.getClass().getSimpleName().equals("PoolingException")) {
      return true;
    }
    if (t instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      return state.startsWith("08") || state.startsWith("57P") || state.equals("XJ040");
    }
    return false;
  }

  /**
   * A value the database refuses for its characters: PostgreSQL stores no NUL in text ({@code %00}
   * in a filter or a body's string) and reports SQLState 22021 (character not in repertoire) or
   * 22P05 (untranslatable character). The client's input, so a 400, not a 500.
   */
  static boolean isUnstorableCharacter(Throwable t) {
    return t instanceof SQLException sql
        && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()));
  }

  /**
   * Jersey's decoding of a query string with a malformed escape ({@code %ZZ}): it throws before any
   * resource or filter of ours when it reads the form parameters of a request sent as {@code
   * application/x-www-form-urlencoded}. The client's mistake, so a 400, not a 500.
   */
  static boolean isMalformedQueryString(Throwable t) {
    if (!(t instanceof IllegalArgumentException)) {
      return false;
    }
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getClassName().equals("org.glassfish.jersey.uri.UriComponent")) {
        return true;
      }
    }
    return false;
  }

  /** The throwable, its causes and SQL "next" exceptions, each once, at most 32. */
  private static List<Throwable> chain(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> order = new ArrayList<>();
    Deque<Throwable> todo = new ArrayDeque<>();
    todo.add(failure);
    while (!todo.isEmpty() && order.size() < 32) {
      Throwable t = todo.removeFirst();
      if (t == null || !seen.add(t)) {
        continue;
      }
      order.add(t);
      if (t.getCause() != null) {
        todo.addLast(t.getCause());
      }
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        todo.addLast(sql.getNextException());
      }
    }
    return order;
  }
}
