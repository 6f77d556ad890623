/**
 * Checkpoint items as rows: the item table with its extend_info and backup_data fields as columns
 * (so that they can be filtered and indexed), volume backups and images as ordered child rows, and
 * the JSON keys the contract does not name as text, so that they come back unchanged.
 */
package org.backupcatalog.persistence.item;
