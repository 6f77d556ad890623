/**
 * Value objects of a checkpoint item and the rules that turn what a backup engine sends into what
 * the catalog stores. The item's fields themselves are the published wire types of backup-api.
 */
package org.backupcatalog.domain.item;
