/**
 * The checkpoint item as clients see it on the wire, and its JSON codec.
 *
 * <p>These records are the one item model of the whole service: domain and persistence use them
 * directly instead of keeping a parallel hierarchy, so the published language cannot drift from
 * what is stored. The codec is hand-written on Jakarta JSON-P rather than bound by annotations
 * because the contract fixes details that binding gets wrong: key order, {@code {}} for an absent
 * {@code fail_code}, integers never written as {@code 0.0}, unknown keys kept verbatim, and errors
 * that name the offending field by its JSON path. List pages are written with jackson-core's
 * generator, set up to write JSON-P's very text, because it can copy a stored JSON text (an item's
 * volume backups and images) into the page without parsing it.
 */
package org.backupcatalog.api;
