package org.backupcatalog.web.operations;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every recording method registers a valid meter, under the names docs/operations.md gives. */
class CatalogMetricsTest {

  @Test
  void everyMetricScrapesUnderItsDocumentedName() {
    CatalogMetrics metrics = new CatalogMetrics();
    try {
      metrics.requestStarted(true);
      metrics.request("GET", RouteTemplates.LIST, 200, 12_000_000);
      metrics.request("GET", RouteTemplates.LIST, 403, 1_000_000);
      metrics.pageItems(false, 0);
      metrics.pageItems(true, 1000);
      metrics.databaseCheck(true, 2_000_000);
      metrics.schemaVersion(2);
      String text = metrics.scrape();
      for (String expected :
          new String[] {
            "catalog_http_requests_seconds_count{method=\"GET\",route=\"/v1/{project_id}/checkpoint_items\",status=\"2xx\"} 1",
            "catalog_http_requests_seconds_bucket{method=\"GET\",route=\"/v1/{project_id}/checkpoint_items\",status=\"2xx\",le=\"0.025\"} 1",
            "catalog_http_requests_seconds_count{method=\"GET\",route=\"/v1/{project_id}/checkpoint_items\",status=\"4xx\"} 1",
            "catalog_page_items_count{all_tenants=\"false\"} 1",
            "catalog_page_items_bucket{all_tenants=\"true\",le=\"1000.0\"} 1",
            "catalog_http_requests_in_flight 1.0",
            "catalog_db_requests_in_flight 1.0",
            "catalog_schema_version 2.0",
            "catalog_health_database_check_seconds_count{outcome=\"up\"} 1",
            "jvm_memory_used_bytes{area=\"heap\"",
            "jvm_gc_",
            "jvm_threads_live_threads"
          }) {
        assertTrue(text.contains(expected), () -> expected + " is missing from\n" + text);
      }
    } finally {
      metrics.close();
    }
  }
}
