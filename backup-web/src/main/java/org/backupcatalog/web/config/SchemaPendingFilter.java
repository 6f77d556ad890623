package org.backupcatalog.web.config;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.backupcatalog.web.error.ApiError;

/**
 * Answers 503 while the schema is not yet migrated (the database was unreachable at start): the
 * tables may be missing or old, and a query against them would be a 500. Runs after the request was
 * matched, so unknown paths and methods are answered as always.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class SchemaPendingFilter implements ContainerRequestFilter {

  @Inject CatalogSchema schema;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!schema.isCurrent()) {
      throw ApiError.databaseUnavailable(null);
    }
  }
}
