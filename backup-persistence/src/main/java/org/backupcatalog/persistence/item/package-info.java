/**
 * Checkpoint items as rows, one row per item: its extend_info and backup_data fields as columns (so
 * that they can be filtered and indexed), its volume backups and images as one JSON text, and the
 * JSON keys the contract does not name as text, so that they come back unchanged.
 */
package org.backupcatalog.persistence.item;
