package org.backupcatalog.persistence.unit;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLNonTransientConnectionException;

/**
 * What EclipseLink's login gets instead of a connection when the database is unreachable: closing
 * it works, anything else fails as a connection failure (SQLState 08001), as the database would.
 */
final class DeferredConnection {

  private DeferredConnection() {}

  static Connection create() {
    return (Connection)
        Proxy.newProxyInstance(
            DeferredConnection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "close" -> null;
                  case "isClosed" -> false;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "connection deferred until the database is reachable";
                  default ->
                      throw new SQLNonTransientConnectionException(
                          "The database was unreachable when the catalog started", "08001");
                });
  }
}
