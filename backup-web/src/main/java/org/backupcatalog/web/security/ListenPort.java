package org.backupcatalog.web.security;

/**
 * The HTTP port the server listens on, as far as the application can tell, for the demo lines.
 * Payara Micro knows it ({@code --port}); the class is looked up by name because it exists only
 * there, and any other server gets the default.
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
      // Not on Payara Micro: the default is the best guess.
    }
    return DEFAULT;
  }
}
