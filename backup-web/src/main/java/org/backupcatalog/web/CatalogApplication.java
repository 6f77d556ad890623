package org.backupcatalog.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The JAX-RS application, served from the root so that the contract's {@code /v1/...} paths are the
 * URLs. Resources and providers are discovered by scanning the WAR.
 */
@ApplicationPath("/")
public class CatalogApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        // The automatic WADL document would answer OPTIONS and /application.wadl with XML.
        "jersey.config.server.wadl.disableWadl", true,
        // Jersey's Bean Validation mapper answers in plain text; parameters are checked by hand.
        "jersey.config.beanValidation.disable.server", true);
  }
}
