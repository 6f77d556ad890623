package org.backupcatalog.web.edge;

import java.util.Map;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.RunningCatalog.Server;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link HostileInputChecks} on the executable jar on its embedded database: the part of the
 * suite's hostile requests that runs in every {@code mvn verify} (the servers profile sends more to
 * each server).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT extends HostileInputChecks {

  private RunningCatalog catalog;

  @Override
  protected synchronized RunningCatalog catalog() {
    if (catalog == null) {
      catalog =
          RunningCatalog.start(
              "hostile-input", Map.of(TestTokens.SECRET_VARIABLE, TestTokens.SECRET));
    }
    return catalog;
  }

  @Override
  protected int requests() {
    return 10_000;
  }

  @Override
  protected Server server() {
    return Server.PAYARA_MICRO;
  }

  @Override
  protected String where() {
    return "jar on Derby";
  }

  @AfterAll
  void stop() {
    if (catalog != null) {
      catalog.close();
    }
  }
}
