/**
 * The catalog's services and the repository port they need. Services hold the rules that do not
 * depend on storage (defaults, retries, limits); the repository answers with what is stored.
 */
package org.backupcatalog.domain.catalog;
