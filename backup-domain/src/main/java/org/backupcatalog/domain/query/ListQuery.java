package org.backupcatalog.domain.query;

/** A complete list request: whose items, which of them, in what order, which page. */
public record ListQuery(Scope scope, ItemFilter filter, SortOrder order, PageRequest page) {}
