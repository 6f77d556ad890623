package org.backupcatalog.api;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * One of an item's two lists as the catalog stored it, in the stored text of both ({@link
 * ItemListsJson}): parsed only when an element is asked for, so that a list page, which writes the
 * lists back as they were stored, never parses them. When the stored text is in the codec's own
 * form ({@link CanonicalLists}), this list's part of it is what the generator form writes instead
 * of encoding the entries again. Immutable, like the lists it stands for.
 */
final class StoredList<T> extends AbstractList<T> implements RandomAccess {

  private final Source source;
  private final Function<ItemListsJson.Lists, List<T>> side;
  private final int start;
  private final int end;

  /**
   * @param start where this list's array begins in the source's text, or -1 when the text is not in
   *     the codec's form and must be parsed and written again
   */
  StoredList(Source source, Function<ItemListsJson.Lists, List<T>> side, int start, int end) {
    this.source = source;
    this.side = side;
    this.start = start;
    this.end = end;
  }

  /** A list as the records keep it: a stored list is already immutable and stays unparsed. */
  static <T> List<T> immutable(List<T> list) {
    return list instanceof StoredList<T> ? list : List.copyOf(list);
  }

  /** The stored text, when it holds this list exactly as the generator form would write it. */
  String text() {
    return start < 0 ? null : source.text;
  }

  int start() {
    return start;
  }

  int length() {
    return end - start;
  }

  @Override
  public T get(int index) {
    return side.apply(source.lists()).get(index);
  }

  @Override
  public int size() {
    return side.apply(source.lists()).size();
  }

  /** The stored text of both lists, parsed at most once per reader that needs it. */
  static final class Source {

    private final String text;
    private ItemListsJson.Lists lists;

    Source(String text) {
      this.text = text;
    }

    /**
     * Parsed on first use. Unsynchronized on purpose: parsing is idempotent and the result
     * immutable, so two threads that race parse twice and agree.
     */
    ItemListsJson.Lists lists() {
      ItemListsJson.Lists parsed = lists;
      if (parsed == null) {
        parsed = ItemListsJson.read(text);
        lists = parsed;
      }
      return parsed;
    }
  }
}
