package org.backupcatalog.web.servers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.backupcatalog.web.postgres.PostgresServer;
import org.backupcatalog.web.postgres.TcpProxy;
import org.backupcatalog.web.security.AccessMatrixChecks;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.RunningCatalog.Server;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a {@link ServerSuite} and its nested check classes one catalog: the WAR on the suite's
 * {@link OnServer server}, started by its run.sh on a new PostgreSQL database that it reaches
 * through a {@link TcpProxy} (so that the outage check can cut it), with the environment every
 * check set needs. It lives in the suite class's store, so the server stops when the suite ends,
 * before the next suite starts its own.
 */
final class ServerCatalog implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ServerCatalog.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RunningCatalog.class || type == TcpProxy.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext suite = suiteContext(context);
    Server server = suite.getRequiredTestClass().getAnnotation(OnServer.class).value();
    Started started =
        suite
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(server, key -> Started.on(server, context), Started.class);
    return parameter.getParameter().getType() == TcpProxy.class
        ? started.proxy()
        : started.catalog();
  }

  /** The context of the class annotated {@link OnServer}: the suite, enclosing the nested ones. */
  private static ExtensionContext suiteContext(ExtensionContext context) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      if (c.getTestClass().map(type -> type.isAnnotationPresent(OnServer.class)).orElse(false)) {
        return c;
      }
    }
    throw new IllegalStateException("no @OnServer class encloses " + context.getDisplayName());
  }

  private record Started(RunningCatalog running, TcpProxy proxy, RuntimeException failure)
      implements AutoCloseable {

    static Started on(Server server, ExtensionContext context) {
      String name = server.name().toLowerCase(Locale.ROOT).replace('_', '-');
      PostgresServer postgres = PostgresServer.in(context);
      String database = name.replace('-', '_');
      postgres.createDatabase(database, Map.of());
      TcpProxy proxy = new TcpProxy(postgres.port());
      Map<String, String> environment = new LinkedHashMap<>();
      environment.putAll(postgres.catalogEnvironment(database));
      environment.put("BACKUP_DB_PORT", Integer.toString(proxy.port()));
      environment.putAll(AccessMatrixChecks.environment());
      try {
        return new Started(RunningCatalog.start(server, name, environment), proxy, null);
      } catch (RuntimeException e) {
        return new Started(null, proxy, e);
      }
    }

    RunningCatalog catalog() {
      if (failure != null) {
        throw new IllegalStateException("The catalog could not start on its server", failure);
      }
      return running;
    }

    @Override
    public void close() {
      if (running != null) {
        running.close();
      }
      proxy.close();
    }
  }
}
