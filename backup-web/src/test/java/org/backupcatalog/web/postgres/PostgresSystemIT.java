package org.backupcatalog.web.postgres;

import java.util.Map;
import org.backupcatalog.web.item.ListQueryChecks;
import org.backupcatalog.web.testing.RunningCatalog;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The list checks of {@link ListQueryChecks}, unchanged, on the built jar moved to a real
 * PostgreSQL by its environment alone ({@code BACKUP_DB_CLASS=org.postgresql.ds.PGSimpleDataSource}
 * and the {@code BACKUP_DB_*} connection variables): the same WAR, no rebuild. Its database is new
 * and its own, migrated by the catalog at start, so that all_tenants sees exactly the items the
 * checks write.
 */
@ExtendWith(PostgresSystemIT.OnPostgres.class)
class PostgresSystemIT extends ListQueryChecks {

  /**
   * Resolves the checks' {@link RunningCatalog}: one catalog for the class, on its own database.
   */
  static final class OnPostgres implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(OnPostgres.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == RunningCatalog.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getStore(NAMESPACE)
          .getOrComputeIfAbsent("catalog", key -> start(context), Catalog.class)
          .running();
    }

    private static Catalog start(ExtensionContext context) {
      PostgresServer server = PostgresServer.in(context);
      server.createDatabase("list_query", Map.of());
      return new Catalog(
          RunningCatalog.start("postgres-list-query", server.catalogEnvironment("list_query")));
    }
  }

  /** Stopped by JUnit when the class's context closes. */
  private record Catalog(RunningCatalog running) implements AutoCloseable {
    @Override
    public void close() {
      running.close();
    }
  }
}
