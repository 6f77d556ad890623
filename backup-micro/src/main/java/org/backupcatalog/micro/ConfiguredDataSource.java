package org.backupcatalog.micro;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The datasource class of the executable jar's connection pool ({@code jdbc/backup}, created by
 * {@code post-boot-commands.asadmin}): the JDBC DataSource named by {@code backup.db.class}
 * (embedded Derby by default), with the {@code backup.db.*} settings given to its bean setters.
 *
 * <p>On Payara Server and WildFly the administrator creates the pool with the server's own tool and
 * this class plays no part. The executable jar has no administrator: it must configure itself from
 * the same environment as before ({@code BACKUP_DB_HOST=... java -jar backup-catalog.jar}), and a
 * pool created by a command file can only name one class with fixed properties. So the pool names
 * this class, which reads the environment when the pool creates it, at the first connection.
 *
 * <p>A setting whose setter the class lacks is skipped: Derby has no {@code serverName} or {@code
 * sslmode}.
 */
public class ConfiguredDataSource implements DataSource {

  static final String DEFAULT_CLASS = CatalogDerbyDataSource.class.getName();
  private static final Logger LOG = Logger.getLogger(ConfiguredDataSource.class.getName());

  private final DataSource target;

  public ConfiguredDataSource() {
    String className = Settings.get("backup.db.class", DEFAULT_CLASS);
    this.target = create(className, settings(className));
  }

  /** The bean properties and their values, in the order they are set. */
  static Map<String, String> settings(String className) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("serverName", Settings.get("backup.db.host", "localhost"));
    properties.put("portNumber", Settings.get("backup.db.port", "5432"));
    properties.put("databaseName", Settings.get("backup.db.name", "catalog"));
    properties.put("user", Settings.get("backup.db.user", "backup"));
    properties.put("password", Settings.get("backup.db.password", "backup"));
    properties.put("sslmode", Settings.get("backup.db.sslmode", "prefer"));
    properties.put("prepareThreshold", Settings.get("backup.db.prepare-threshold", "5"));
    // Bounds on every wait for the database (docs/edge.md), in seconds: opening the TCP connection,
    // any one read of an answer, and the whole login. The driver's defaults wait 10 s to connect
    // and forever for an answer, so a database that vanishes mid-query would hold the thread.
    properties.put("connectTimeout", Settings.get("backup.db.connect-timeout", "2"));
    properties.put("socketTimeout", Settings.get("backup.db.socket-timeout", "30"));
    // Not for the embedded Derby: its login boots (or creates) the database in this process, which
    // takes seconds on a busy machine, and there is no network to wait for.
    if (!className.startsWith("org.apache.derby") && !className.equals(DEFAULT_CLASS)) {
      properties.put("loginTimeout", Settings.get("backup.db.login-timeout", "5"));
    }
    return properties;
  }

  static DataSource create(String className, Map<String, String> properties) {
    Object instance;
    try {
      instance = Class.forName(className).getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException(
          "backup.db.class (BACKUP_DB_CLASS): cannot create " + className + ": " + e, e);
    }
    if (!(instance instanceof DataSource dataSource)) {
      throw new IllegalStateException(
          "backup.db.class (BACKUP_DB_CLASS): " + className + " is not a javax.sql.DataSource");
    }
    properties.forEach((name, value) -> set(dataSource, name, value));
    LOG.info(() -> "Catalog datasource: " + className);
    return dataSource;
  }

  private static void set(Object bean, String property, String value) {
    String setter = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    for (Method method : bean.getClass().getMethods()) {
      if (!method.getName().equals(setter) || method.getParameterCount() != 1) {
        continue;
      }
      Class<?> type = method.getParameterTypes()[0];
      try {
        if (type == String.class) {
          method.invoke(bean, value);
          return;
        }
        if (type == int.class) {
          method.invoke(bean, Integer.parseInt(value));
          return;
        }
      } catch (NumberFormatException e) {
        throw new IllegalStateException(
            "The datasource's " + property + " (from BACKUP_DB_*) is not an integer: " + value, e);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("Cannot set " + property + " on the datasource: " + e, e);
      }
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return target.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return target.getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(target) ? type.cast(target) : target.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(target) || target.isWrapperFor(type);
  }
}
