package org.backupcatalog.web.item;

import org.backupcatalog.web.testing.CatalogEnvironment;

/**
 * The round trip again on a catalog whose host clock runs in a zone with summer time. The contract
 * writes every time in UTC whatever form the PUT used; the host's zone must change nothing, also
 * for times that do not exist or exist twice on the host's local clock (2024-03-31T02:30 and
 * 2024-10-27T02:30 in Berlin).
 */
@CatalogEnvironment("TZ=Europe/Berlin")
class IngestTimeZoneIT extends IngestRoundTripIT {}
