package org.backupcatalog.web.testing;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives tests a {@link RunningCatalog} as a parameter (of test methods, constructors or
 * {@code @BeforeAll} methods). Catalogs live in the root context's store, keyed by their {@link
 * CatalogEnvironment}: all test classes of a failsafe run that ask for the same environment share
 * one process, started on first use and stopped when the run ends. A failed start is remembered, so
 * the next class fails at once instead of waiting for another timeout.
 *
 * <p>Shared means shared data: tests should use their own project ids.
 */
public final class CatalogExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CatalogExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RunningCatalog.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Map<String, String> environment = environmentOf(context.getRequiredTestClass());
    Started started =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(environment, Started::of, Started.class);
    return started.catalog();
  }

  /** The test token secret, then the class's {@link CatalogEnvironment} entries over it. */
  private static Map<String, String> environmentOf(Class<?> testClass) {
    Map<String, String> environment = new TreeMap<>();
    environment.put("BACKUP_AUTH_HS256_SECRET", TestTokens.SECRET);
    AnnotationSupport.findAnnotation(testClass, CatalogEnvironment.class)
        .ifPresent(
            annotation -> {
              for (String entry : annotation.value()) {
                int equals = entry.indexOf('=');
                if (equals < 1) {
                  throw new IllegalArgumentException("Not NAME=value: " + entry);
                }
                environment.put(entry.substring(0, equals), entry.substring(equals + 1));
              }
            });
    return environment;
  }

  /** A start's outcome; closed by JUnit with the root context, that is at the end of the run. */
  private record Started(RunningCatalog running, RuntimeException failure)
      implements AutoCloseable {

    static Started of(Map<String, String> environment) {
      try {
        String name = "shared-" + Integer.toHexString(environment.hashCode());
        return new Started(RunningCatalog.start(name, environment), null);
      } catch (RuntimeException e) {
        return new Started(null, e);
      }
    }

    RunningCatalog catalog() {
      if (failure != null) {
        throw new IllegalStateException("The shared catalog could not start", failure);
      }
      return running;
    }

    @Override
    public void close() {
      if (running != null) {
        running.close();
      }
    }
  }
}
