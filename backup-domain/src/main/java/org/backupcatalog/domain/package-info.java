/**
 * The backup catalog's domain: what a checkpoint item is, how the catalog is queried and written,
 * and the refusals the domain can answer with. Nothing here knows HTTP or SQL.
 */
package org.backupcatalog.domain;
