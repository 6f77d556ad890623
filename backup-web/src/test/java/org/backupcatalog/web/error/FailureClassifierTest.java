package org.backupcatalog.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

  @Test
  void anApiErrorIsAnsweredAsItIsEvenWhenWrapped() {
    ApiError error = ApiError.itemNotFound();
    assertSame(error, FailureClassifier.classify(new ProcessingException(error)));
  }

  @Test
  void jaxRsRefusalsKeepTheirStatus() {
    assertEquals("APIGW.0101", FailureClassifier.classify(new NotFoundException()).code());
    ApiError notAllowed = FailureClassifier.classify(new NotAllowedException("GET"));
    assertEquals(405, notAllowed.status());
    assertEquals("APIGW.0405", notAllowed.code());
  }

  @Test
  void aLostDatabaseIs503WhereverItIsInTheChain() {
    Throwable refused = new SQLNonTransientConnectionException("refused", "08001");
    ApiError error =
        FailureClassifier.classify(new PersistenceException(new RuntimeException(refused)));
    assertEquals(503, error.status());
    assertEquals("CSBS.9998", error.code());
  }

  @Test
  void theConnectionPoolGivingUpIs503() {
    SQLException pool = new SQLException("Error in allocating a connection");
    pool.initCause(new ResourceAllocationException("no connection"));
    assertEquals(503, FailureClassifier.classify(pool).status());
  }

  @Test
  void derbyThatCannotBootIs503() {
    SQLException boot = new SQLException("Failed to start database", "XJ040");
    assertEquals(503, FailureClassifier.classify(boot).status());
  }

  @Test
  void aNulThatPostgresqlCannotStoreIs400() {
    SQLException nul = new SQLException("invalid byte sequence for encoding UTF8: 0x00", "22021");
    ApiError error = FailureClassifier.classify(new PersistenceException(nul));
    assertEquals(400, error.status());
    assertEquals("CSBS.9001", error.code());
  }

  @Test
  void aBadStatementIsAnUnexpected500() {
    SQLException syntax = new SQLException("Syntax error", "42X01");
    ApiError error = FailureClassifier.classify(new PersistenceException(syntax));
    assertEquals(500, error.status());
    assertEquals("CSBS.9999", error.code());
    assertEquals("Internal server error", error.getMessage());
  }

  @Test
  void malformedJsonIs400() {
    ApiError error = FailureClassifier.classify(new JsonParsingException("unexpected", null));
    assertEquals(400, error.status());
    assertEquals("CSBS.9001", error.code());
  }

  @Test
  void otherStatusesGetACodeOfTheirOwn() {
    assertEquals("APIGW.0414", ApiError.forStatus(414).code());
    assertEquals("CSBS.9999", ApiError.forStatus(502).code());
    assertEquals(502, ApiError.forStatus(502).status());
  }

  @Test
  void aMalformedEscapeInTheQueryStringIsTheClientsMistake() {
    IllegalArgumentException decoding =
        assertThrows(
            IllegalArgumentException.class,
            () -> org.glassfish.jersey.uri.UriComponent.decodeQuery("offset=%ZZ", true));
    ApiError error = FailureClassifier.classify(decoding);
    assertEquals(400, error.status());
    assertEquals("CSBS.9001", error.code());
    assertEquals(500, FailureClassifier.classify(new IllegalArgumentException("ours")).status());
  }
}
