package org.backupcatalog.persistence.unit;

import java.sql.Connection;
import java.util.logging.Logger;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Lets the persistence unit log in while the database is unreachable, so that the catalog deploys
 * and answers 503 until the database comes (CONTRACT 6: it recovers by itself).
 *
 * <p>The container creates an entity manager while deploying, and EclipseLink's login connects to
 * detect the database and to start its pools: with the database down, the deployment failed and the
 * catalog never served, even after the database came. When a trial connection fails, this names the
 * database product from the driver that reported the failure and lets the login's own connections
 * be {@link DeferredConnection placeholders}. Every connection after the login is real: a query
 * while the database is down fails as a connection failure, which is a 503, at once: EclipseLink's
 * own retry of a failed read is off.
 *
 * <p>The trial connection also tells the platform: the unit names one ({@code
 * eclipselink.target-database}) so that EclipseLink does not detect its own, and this sets the one
 * of {@link UtcPlatforms} for the database actually there.
 */
public final class StartWithoutDatabase implements SessionCustomizer {

  private static final Logger LOG = Logger.getLogger(StartWithoutDatabase.class.getName());
  private static final String DERBY = "org.apache.derby.";

  @Override
  public void customize(Session session) {
    DatasourceLogin login = (DatasourceLogin) session.getDatasourceLogin();
    // EclipseLink retries a read that failed for want of a connection, by default 5 s apart, so
    // that
    // with the database down every request took 10 s to become a 503 (Payara and WildFly alike).
    // The
    // server's pool checks each connection as it hands it out: a retry cannot find a better one.
    if (login instanceof DatabaseLogin database) {
      database.setQueryRetryAttemptCount(0);
    }
    Connector connector = login.getConnector();
    RuntimeException unreachable = null;
    String reached = null;
    try {
      reached = trialConnection(connector, login, session);
    } catch (RuntimeException e) {
      unreachable = e;
    }
    String product = unreachable == null ? reached : product(unreachable);
    UtcPlatforms.install(session, login, product);
    if (unreachable == null) {
      return;
    }
    String reason = rootCause(unreachable).getMessage();
    LOG.warning(
        () ->
            "The database ("
                + product
                + ") is unreachable at start: "
                + reason
                + "; the catalog starts without it and answers 503 until it comes");
    LoginPhase phase = new LoginPhase();
    tolerate(login, phase);
    // The server session's pools hold logins of their own, which connect when the pools start.
    if (session instanceof ServerSession server) {
      tolerate(server.getReadConnectionPool().getLogin(), phase);
      server.getConnectionPools().values().forEach(pool -> tolerate(pool.getLogin(), phase));
    }
    session
        .getEventManager()
        .addListener(
            new SessionEventAdapter() {
              @Override
              public void postLogin(SessionEvent event) {
                phase.over();
              }
            });
  }

  private static void tolerate(Login login, LoginPhase phase) {
    if (login instanceof DatasourceLogin datasource
        && !(datasource.getConnector() instanceof LoginTolerantConnector)) {
      datasource.setConnector(new LoginTolerantConnector(datasource.getConnector(), phase));
    }
  }

  /** The database's product name, from a connection made and closed at once. */
  private static String trialConnection(
      Connector connector, DatasourceLogin login, Session session) {
    try (Connection trial = connector.connect(login.getProperties(), session)) {
      return trial.getMetaData().getDatabaseProductName();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  /**
   * The database product whose driver reported the failure: the pool is the server's (Payara's,
   * WildFly's or the executable jar's), so its class says nothing, but the driver's exception is
   * among the causes. PostgreSQL is the production database, so a failure without a driver's
   * exception (a pool that gave up before connecting) is taken to be PostgreSQL's; the embedded
   * Derby, which has no server to be unreachable, names itself.
   */
  static String product(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (fromDerby(cause)) {
        return "Apache Derby";
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return "PostgreSQL";
  }

  private static boolean fromDerby(Throwable failure) {
    if (failure.getClass().getName().startsWith(DERBY)) {
      return true;
    }
    for (StackTraceElement frame : failure.getStackTrace()) {
      if (frame.getClassName().startsWith(DERBY)) {
        return true;
      }
    }
    return false;
  }
}
