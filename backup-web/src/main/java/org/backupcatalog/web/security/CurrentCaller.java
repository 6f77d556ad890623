package org.backupcatalog.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import org.backupcatalog.web.error.ApiError;

/**
 * Makes the caller of the current request injectable: {@code @Inject Caller caller} in a
 * request-scoped bean or a JAX-RS resource.
 */
@ApplicationScoped
public class CurrentCaller {

  @Inject private SecurityContext security;

  /**
   * Dependent, because a caller is per request and {@link Caller} cannot be proxied; typed to
   * {@link Caller} alone so as not to compete with the container's own {@code Principal} bean.
   *
   * @throws ApiError 401 outside an authenticated request
   */
  @Produces
  @Dependent
  @Typed(Caller.class)
  Caller current() {
    return security.getPrincipalsByType(Caller.class).stream()
        .findFirst()
        .orElseThrow(ApiError::unauthorized);
  }
}
