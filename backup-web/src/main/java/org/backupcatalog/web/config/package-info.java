/**
 * Runtime configuration read through MicroProfile Config: where the data lives and which database
 * the catalog's datasource points at.
 */
package org.backupcatalog.web.config;
