package org.backupcatalog.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class EarlyMigrationTest {

  @Test
  void withoutAResolvableDatasourceNothingStartsEarly() {
    // No naming service here, as on a server that resolves no name during the deployment:
    // CatalogSchema then migrates at the application's start itself.
    EarlyMigration early = new EarlyMigration();
    early.start(null);
    assertTrue(early.started().isEmpty());
  }

  @Test
  void theEarlyMigrationsVersionIsTheStartsVersion() {
    assertEquals("3", CatalogSchema.awaited(CompletableFuture.completedFuture("3")));
  }

  @Test
  void anEarlyFailureIsThrownAsItselfSoThatItStillFailsTheDeployment() {
    IllegalStateException failure = new IllegalStateException("Validate failed: checksum mismatch");
    CompletableFuture<String> migration = CompletableFuture.failedFuture(failure);
    assertSame(
        failure, assertThrows(IllegalStateException.class, () -> CatalogSchema.awaited(migration)));
  }

  @Test
  void anErrorStaysAnError() {
    CompletableFuture<String> migration = CompletableFuture.failedFuture(new LinkageError("x"));
    assertThrows(LinkageError.class, () -> CatalogSchema.awaited(migration));
  }
}
