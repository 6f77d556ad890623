package org.backupcatalog.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The catalog's start, before the first request: migrates the schema ({@link CatalogSchema}), which
 * then announces {@link org.backupcatalog.persistence.schema.CatalogSchemaReady} to whatever needs
 * the tables (the demo data).
 *
 * <p>It lives in the WAR's own classes on purpose. Payara 6 notifies the start observers of the
 * WAR's library jars first and outside the web module's naming context: there a {@code @Resource}
 * or {@code @PersistenceContext} field fails the deployment ("Lookup failed for
 * java:comp/env/..."), also in beans they call. Observers here, and everything they call, run in
 * the web module's context, where {@code java:app} names resolve. So no library jar should observe
 * {@code @Initialized(ApplicationScoped.class)}.
 */
@ApplicationScoped
public class CatalogStartup {

  @Inject private CatalogSchema schema;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    schema.migrateAtStart();
  }
}
