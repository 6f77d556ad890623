package org.backupcatalog.web.security;

/**
 * The HTTP port the server listens on, as far as the application can tell, for the demo lines.
 * Payara Micro knows it ({@code --port}); the class is looked up by name because it exists only
 * there. WildFly takes it as the system property {@code jboss.http.port} (deploy/wildfly/run.sh
 * sets it). Any other server gets the default.
 */
final class ListenPort {

  static final int DEFAULT = 8080;

  private ListenPort() {}

  static int guess() {
    try {
      Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro");
      Object instance = micro.getMethod("getInstance").invoke(null);
      if (micro.getMethod("getHttpPort").invoke(instance) instanceof Integer port && port > 0) {
        return port;
      }
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // Not on Payara Micro.
    }
    return wildFly(System.getProperty("jboss.http.port"));
  }

  /** WildFly's HTTP port property, else the default. */
  static int wildFly(String property) {
    if (property != null && property.matches("[0-9]{1,5}")) {
      int port = Integer.parseInt(property);
      if (port > 0 && port <= 65535) {
        return port;
      }
    }
    return DEFAULT;
  }
}
