package org.backupcatalog.persistence.item;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backupcatalog.domain.query.ListQuery;
import org.backupcatalog.domain.query.SortKey;
import org.backupcatalog.domain.query.SortTerm;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.eclipse.persistence.queries.DatabaseQuery;
import org.eclipse.persistence.queries.ReadQuery;
import org.eclipse.persistence.sessions.DatabaseRecord;
import org.eclipse.persistence.sessions.Session;

/**
 * A list page's query, prepared once per shape: its Criteria query (over the static metamodel, its
 * values as named parameters) is translated and its SQL printed on the first page of that shape,
 * and later pages only bind their values. Translating and printing a page's query anew for every
 * request cost more than reading a 10-item page's rows.
 *
 * <p>A shape is the order and the names of the parameters bound, since every predicate binds
 * parameters of its own names ({@link ItemPredicates}, {@link Keyset}). The prepared queries are
 * EclipseLink's {@link DatabaseQuery}s, shared as its named queries are: each execution runs a
 * clone. They live with the persistence unit's session, a bounded number of the shapes last used.
 */
final class PageQueries {

  /** Shapes kept: a client that varies its filters endlessly only misses, it never grows this. */
  static final int SHAPES = 128;

  /** Items built at a time while a page streams: a page's memory is this many items. */
  private static final int CURSOR_SIZE = 50;

  /**
   * Rows per round trip to the database: a 100-item page (101 rows) in one, a 1000-item page in
   * ten. PostgreSQL's driver, honouring the fetch size inside the page's transaction, keeps a round
   * trip's rows as bytes until the page has read them: with 250 rows that was half a megabyte per
   * page in flight, which 32 clients under a 256 MB heap paid in full collections
   * (docs/list-profile.md, "Fewer rows per round trip"); with 50, more round trips than rows saved.
   */
  private static final int FETCH_SIZE = 101;

  private static final String PROPERTY = PageQueries.class.getName();

  private final Map<Shape, DatabaseQuery> prepared =
      new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Shape, DatabaseQuery> eldest) {
          return size() > SHAPES;
        }
      };

  private record Shape(List<SortTerm> order, Set<String> parameters) {}

  private static final String MARKER = "marker";

  /** The marker row's query, prepared on first use; preparing it twice at once is harmless. */
  private volatile DatabaseQuery markerQuery;

  /** The prepared queries of {@code em}'s persistence unit. */
  static PageQueries of(EntityManager em) {
    Session unit = em.unwrap(JpaEntityManager.class).getServerSession();
    synchronized (unit) {
      PageQueries queries = (PageQueries) unit.getProperty(PROPERTY);
      if (queries == null) {
        queries = new PageQueries();
        unit.setProperty(PROPERTY, queries);
      }
      return queries;
    }
  }

  /**
   * The page's query, its values bound, to be read through a cursor: {@code limit + 1} rows of
   * {@link CheckpointItemEntity#pageSelection} from {@code offset} on.
   *
   * @param markerRow the row the page starts after, or null
   */
  Query page(EntityManager em, ListQuery query, MarkerRow markerRow, int offset, int limit) {
    Map<String, Object> arguments = new HashMap<>();
    ItemPredicates.arguments(query.scope(), query.filter(), arguments);
    if (markerRow != null) {
      Keyset.arguments(markerRow, query.order().terms(), arguments);
    }
    Shape shape = new Shape(query.order().terms(), Set.copyOf(arguments.keySet()));
    DatabaseQuery shared;
    synchronized (prepared) {
      shared = prepared.get(shape);
    }
    if (shared == null) {
      shared = prepare(em, query, markerRow != null, offset, limit);
      synchronized (prepared) {
        prepared.put(shape, shared);
      }
    }
    Query page = em.unwrap(JpaEntityManager.class).createQuery(copy(shared, offset, limit));
    arguments.forEach(page::setParameter);
    return page;
  }

  /**
   * The row of the item {@code id}, as a page after it needs it, or null when there is none. Its
   * query, over the static metamodel like the pages', is prepared once.
   */
  MarkerRow marker(EntityManager em, String id) {
    DatabaseQuery shared = markerQuery;
    if (shared == null) {
      shared = markerQuery = prepareMarker(em);
    }
    List<?> rows =
        em.unwrap(JpaEntityManager.class)
            .createQuery(copy(shared))
            .setParameter(MARKER, id)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] row = (Object[]) rows.get(0);
    Map<SortKey, Comparable<Object>> values = new EnumMap<>(SortKey.class);
    SortKey[] keys = SortKey.values();
    for (int k = 0; k < keys.length; k++) {
      values.put(keys[k], asComparable(row[1 + k]));
    }
    return new MarkerRow((String) row[0], values);
  }

  @SuppressWarnings("unchecked")
  private static Comparable<Object> asComparable(Object value) {
    return (Comparable<Object>) value;
  }

  /** The marker's project and every sort column ({@link Keyset#column}), by its id. */
  private static DatabaseQuery prepareMarker(EntityManager em) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
    Root<CheckpointItemEntity> item = cq.from(CheckpointItemEntity.class);
    List<Selection<?>> selected = new ArrayList<>();
    selected.add(item.get(CheckpointItemEntity_.projectId));
    for (SortKey key : SortKey.values()) {
      selected.add(Keyset.column(item, key));
    }
    cq.multiselect(selected)
        .where(cb.equal(item.get(CheckpointItemEntity_.id), cb.parameter(String.class, MARKER)));
    DatabaseQuery marker = em.createQuery(cq).unwrap(DatabaseQuery.class);
    marker.prepareCall(em.unwrap(JpaEntityManager.class).getActiveSession(), new DatabaseRecord());
    return marker;
  }

  /**
   * This request's copy of a prepared query, reading {@code limit} rows from {@code offset} on,
   * still prepared. A report query's {@code clone()} adds its items to the copy one by one, and
   * adding an item marks a query unprepared, though its SQL is unchanged: the copy is marked
   * prepared again, or it would be prepared anew, its SQL built and printed, for every page (5 % of
   * a 10-item page's time). Offset and limit are parameters of that SQL on both databases, so
   * setting them keeps it prepared; they are set here, on the copy, since setting them on the JPA
   * query would clone it once more.
   */
  private static DatabaseQuery copy(DatabaseQuery shared, int offset, int limit) {
    ReadQuery copy = copy(shared);
    limit(copy, offset, limit);
    return copy;
  }

  /** A request's copy of a prepared query, still prepared (above). */
  private static ReadQuery copy(DatabaseQuery shared) {
    ReadQuery copy = (ReadQuery) shared.clone();
    copy.setIsPrepared(shared.isPrepared());
    return copy;
  }

  /** Translates and prepares the query of {@code query}'s shape, values left to be bound. */
  private static DatabaseQuery prepare(
      EntityManager em, ListQuery query, boolean afterMarker, int offset, int limit) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
    Root<CheckpointItemEntity> item = cq.from(CheckpointItemEntity.class);
    List<Predicate> where = new ArrayList<>(ItemPredicates.inScope(cb, item, query.scope()));
    where.addAll(ItemPredicates.matching(cb, item, query.filter()));
    if (afterMarker) {
      where.add(Keyset.after(cb, item, query.order().terms()));
    }
    cq.multiselect(CheckpointItemEntity.pageSelection(item))
        .where(where.toArray(Predicate[]::new))
        .orderBy(Keyset.orderBy(cb, item, query.order().terms()));
    ReadQuery shape =
        em.createQuery(cq)
            .setHint(QueryHints.CURSOR, HintValues.TRUE)
            .setHint(QueryHints.CURSOR_PAGE_SIZE, CURSOR_SIZE)
            .setHint(QueryHints.JDBC_FETCH_SIZE, FETCH_SIZE)
            .unwrap(ReadQuery.class);
    // A limit before the SQL is printed: it then takes offset and limit as parameters (and says
    // so, which keeps every copy with other values prepared). Set on the JPA query, they would
    // reach this query only when it runs.
    limit(shape, offset, limit);
    shape.prepareCall(em.unwrap(JpaEntityManager.class).getActiveSession(), new DatabaseRecord());
    return shape;
  }

  /** {@code limit} rows from {@code offset} on, as JPA sets them: the last row counts from 0. */
  private static void limit(ReadQuery query, int offset, int limit) {
    query.setMaxRows(offset + limit);
    query.setFirstResult(offset);
  }
}
