/**
 * What operations teams need, served by the WAR itself so that every server answers the same:
 * health for probes ({@code /health}, {@code /health/live}, {@code /health/ready}), the API's
 * OpenAPI document ({@code /openapi}), Prometheus metrics ({@code /metrics}), one access line per
 * request and an audit line per cross-tenant read or write, optionally as JSON lines.
 */
package org.backupcatalog.web.operations;
