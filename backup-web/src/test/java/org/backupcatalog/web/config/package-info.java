/** Tests of the catalog's start: the schema migration begun early and awaited. */
package org.backupcatalog.web.config;
