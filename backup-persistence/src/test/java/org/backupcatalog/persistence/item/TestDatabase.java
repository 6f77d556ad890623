package org.backupcatalog.persistence.item;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.backupcatalog.persistence.schema.SchemaMigration;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * A real database for persistence tests: migrated by the production migrations, mapped by the
 * production entities, and counting the SQL statements the code prepares.
 */
public final class TestDatabase implements AutoCloseable {

  private static final AtomicLong NAMES = new AtomicLong();

  /** The production persistence unit, the one the container deploys. */
  public static final String UNIT = "backup";

  /**
   * What changes outside a container, and nothing else: local transactions on a DataSource the test
   * hands in instead of the container's JTA one. Mapping, cache, batching, weaving (the build runs
   * the tests with EclipseLink's agent, as the container weaves) stay production's.
   */
  public static final Map<String, Object> OUTSIDE_A_CONTAINER =
      Map.of(
          PersistenceUnitProperties.TRANSACTION_TYPE,
          "RESOURCE_LOCAL",
          PersistenceUnitProperties.JTA_DATASOURCE,
          "");

  private final DataSource dataSource;
  private final EntityManagerFactory emf;
  private final AtomicInteger statements = new AtomicInteger();

  private TestDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
    SchemaMigration.migrate(dataSource);
    Map<String, Object> properties = new HashMap<>(OUTSIDE_A_CONTAINER);
    properties.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, counting(dataSource));
    this.emf = Persistence.createEntityManagerFactory(UNIT, properties);
  }

  /** The two databases the catalog supports. */
  public enum Kind {
    DERBY,
    POSTGRES
  }

  private static final Map<Kind, TestDatabase> SHARED = new java.util.EnumMap<>(Kind.class);

  /**
   * One database of each kind for all the test classes of a JVM, which empty it as they need:
   * starting PostgreSQL and migrating is the slow part, not the tests.
   */
  public static synchronized TestDatabase shared(Kind kind) {
    return SHARED.computeIfAbsent(kind, k -> k == Kind.DERBY ? derby() : postgres());
  }

  /** A database that holds a catalog already, brought to the current schema. */
  public static TestDatabase over(DataSource dataSource) {
    return new TestDatabase(dataSource);
  }

  /** A fresh in-memory Derby database. */
  public static TestDatabase derby() {
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName("memory:catalog-" + NAMES.incrementAndGet() + ";create=true");
    return new TestDatabase(ds);
  }

  /** A fresh database in a real PostgreSQL server, started once for all tests of the JVM. */
  public static TestDatabase postgres() {
    return new TestDatabase(EmbeddedPostgresServer.newDatabase());
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public EntityManager entityManager() {
    return emf.createEntityManager();
  }

  public TransactionalRepository repository() {
    return new TransactionalRepository(emf);
  }

  /** Statements prepared through JPA since the last reset. */
  public int statements() {
    return statements.get();
  }

  public void resetStatements() {
    statements.set(0);
  }

  public void deleteAll() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM checkpoint_item");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private DataSource counting(DataSource target) {
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = method.invoke(target, args);
              return result instanceof Connection c ? countingConnection(c) : result;
            });
  }

  private Connection countingConnection(Connection target) {
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              String name = method.getName();
              if (name.equals("prepareStatement")
                  || name.equals("prepareCall")
                  || name.equals("createStatement")) {
                statements.incrementAndGet();
              }
              try {
                return method.invoke(target, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Override
  public void close() {
    emf.close();
  }
}
