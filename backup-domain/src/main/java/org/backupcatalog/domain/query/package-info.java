/**
 * The query and sort specifications of the list and count endpoints: query-string values are parsed
 * and checked here once, into value objects that persistence turns into Criteria queries.
 */
package org.backupcatalog.domain.query;
