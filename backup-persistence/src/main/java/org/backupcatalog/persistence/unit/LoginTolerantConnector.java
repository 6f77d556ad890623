package org.backupcatalog.persistence.unit;

import java.io.PrintWriter;
import java.sql.Connection;
import java.util.Properties;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.Session;

/**
 * The container's connector, except that while the session logs in a failed connection becomes a
 * {@link DeferredConnection} placeholder. After the login it is the container's connector alone.
 */
final class LoginTolerantConnector implements Connector {

  private static final long serialVersionUID = 1L;

  private final Connector connector;
  private final LoginPhase phase;

  LoginTolerantConnector(Connector connector, LoginPhase phase) {
    this.connector = connector;
    this.phase = phase;
  }

  @Override
  public Connection connect(Properties properties, Session session) {
    try {
      return connector.connect(properties, session);
    } catch (RuntimeException unreachable) {
      if (phase.isOver()) {
        throw unreachable;
      }
      return DeferredConnection.create();
    }
  }

  @Override
  public Object clone() {
    return new LoginTolerantConnector((Connector) connector.clone(), phase);
  }

  @Override
  public void toString(PrintWriter writer) {
    connector.toString(writer);
  }

  @Override
  public String getConnectionDetails() {
    return connector.getConnectionDetails();
  }
}
