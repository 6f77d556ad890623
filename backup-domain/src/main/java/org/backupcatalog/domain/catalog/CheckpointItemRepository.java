package org.backupcatalog.domain.catalog;

import java.util.Optional;
import java.util.function.Consumer;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.domain.item.ItemId;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.domain.item.StoredCheckpointItem;
import org.backupcatalog.domain.query.ItemFilter;
import org.backupcatalog.domain.query.ListQuery;
import org.backupcatalog.domain.query.Scope;

/** Where checkpoint items are kept. Each write is one transaction: all of an item or nothing. */
public interface CheckpointItemRepository {

  /**
   * One page of the query's items in its effective order.
   *
   * @throws org.backupcatalog.domain.InvalidParameterException when the marker names no item of the
   *     query's scope
   */
  CheckpointItemPage list(ListQuery query);

  /**
   * The same page, handed to {@code each} item by item as it is read, so that a caller can write it
   * out without holding it: memory stays bounded whatever the page size. A repository that cannot
   * stream reads the page first, as this default does.
   *
   * @return whether more items follow the page
   * @throws org.backupcatalog.domain.InvalidParameterException when the marker names no item of the
   *     query's scope, before any item is handed over
   */
  default boolean stream(ListQuery query, Consumer<CheckpointItem> each) {
    CheckpointItemPage page = list(query);
    page.items().forEach(each);
    return page.hasMore();
  }

  long count(Scope scope, ItemFilter filter);

  Optional<StoredCheckpointItem> find(Scope scope, ItemId id);

  /**
   * Creates or wholly replaces the item (its project is {@code item.projectId()}).
   *
   * @throws org.backupcatalog.domain.PreconditionFailedException when {@code ifMatch} fails
   * @throws org.backupcatalog.domain.InvalidParameterException when the id is another project's
   * @throws ConcurrentCreationException when another writer created the same id meanwhile
   */
  WriteResult save(CheckpointItem item, IfMatch ifMatch);

  /** Removes the item and everything it holds; false when the project has no such item. */
  boolean delete(ProjectId project, ItemId id);
}
