package com.abcdashboard.persistence;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * A collection of the embedded server's H2 store that answers a sorted query with a limit (a page of a
 * list) by keeping only the best {@code skip + limit} matches while scanning, instead of sorting every
 * match as mongo-java-server does: O(n log k) comparisons instead of O(n log n), and no list of all matches.
 */
final class TopKH2Collection extends H2Collection {
    private final AtomicLong indexLookups = new AtomicLong();

    TopKH2Collection(
            H2Database database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> dataMap,
            MVMap<String, Object> metaMap,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    /**
     * A query that names every key of a unique index with a value the index can look up, and other
     * conditions besides, reads only that index's documents and filters them with the whole query. The
     * library uses an index only when the query is exactly its keys, so every such query scanned the
     * collection under its lock — and the driver writes {@code Filters.and(...)} as {@code {$and: [...]}},
     * so the service's reads by id ({@code {$and: [{_id}, {deletedAt: null}]}}) and its updates "unless
     * changed meanwhile" ({@code _id} and the role and state a decision was based on) all scanned: at
     * 100,000 users a single edit through the API took 0.1-0.9 s, and 8 concurrent ones managed 6 a second.
     * Conditions are taken from the top level and from the documents of a top-level {@code $and} (at any
     * depth); any one condition on a key is enough, since every candidate is still matched with the whole
     * query.
     */
    @Override
    protected QueryResult queryDocuments(
            Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
        if (query != null && !query.isEmpty()) {
            Document conditions = new Document();
            collectConditions(query, conditions);
            for (Index<Object> index : getIndexes()) {
                Document lookup = lookupPart(conditions, index);
                if (lookup != null && index.canHandle(lookup)) {
                    indexLookups.incrementAndGet();
                    return matchDocuments(
                            query, index.getPositions(lookup), orderBy, skip, limit, batchSize, fieldSelector);
                }
            }
        }
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    /** How many queries were answered from a unique index's documents by {@link #queryDocuments}. */
    long indexLookups() {
        return indexLookups.get();
    }

    /** The field conditions a document must meet: its own, and those of every document of its {@code $and}. */
    private static void collectConditions(Document query, Document conditions) {
        for (var entry : query.entrySet()) {
            if (entry.getKey().equals("$and") && entry.getValue() instanceof List<?> all) {
                for (Object part : all) {
                    if (part instanceof Document document) {
                        collectConditions(document, conditions);
                    }
                }
            } else if (!entry.getKey().startsWith("$")) {
                conditions.putIfAbsent(entry.getKey(), entry.getValue());
            }
        }
    }

    /** The conditions on the index's keys, or null when one of them is missing. */
    private static Document lookupPart(Document conditions, Index<Object> index) {
        Document lookup = new Document();
        for (IndexKey key : index.getKeys()) {
            if (!conditions.containsKey(key.getKey())) {
                return null;
            }
            lookup.put(key.getKey(), conditions.get(key.getKey()));
        }
        return lookup;
    }

    @Override
    protected QueryResult matchDocumentsFromStream(
            Stream<Document> documents,
            Document query,
            Document orderBy,
            int skip,
            int limit,
            int batchSize,
            Document fieldSelector) {
        Comparator<Document> order = deriveComparator(orderBy);
        if (order == null || limit <= 0) {
            return super.matchDocumentsFromStream(documents, query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        Comparator<Document> fast = new FastOrder(orderBy, order);
        int keep = skip + limit;
        // The worst kept match on top, so that a better one replaces it.
        PriorityQueue<Document> best = new PriorityQueue<>(keep + 1, fast.reversed());
        documents.filter(document -> documentMatchesQuery(document, query)).forEach(document -> {
            if (best.size() < keep) {
                best.add(document);
            } else if (fast.compare(document, best.peek()) < 0) {
                best.poll();
                best.add(document);
            }
        });
        List<Document> page = new ArrayList<>(best);
        page.sort(fast);
        List<Document> wanted = page.subList(Math.min(skip, page.size()), page.size());
        // The library projects the page (and matches and orders these few documents once more).
        return super.matchDocumentsFromStream(wanted.stream(), query, orderBy, 0, 0, batchSize, fieldSelector);
    }

    /**
     * The library's order, compared directly where both values of a top-level sort field are of one of
     * the types the service sorts by (dates, ids, strings) — what the library's comparator does for them
     * after finding their types, paths and directions again for every pair. Any other pair of values is
     * left to the library's comparator, so the order is always the library's.
     */
    private static final class FastOrder implements Comparator<Document> {
        private static final Set<Class<?>> DIRECT = Set.of(Instant.class, ObjectId.class, String.class);

        private final String[] fields;
        private final boolean[] ascending;
        private final Comparator<Document> library;

        FastOrder(Document orderBy, Comparator<Document> library) {
            this.fields = orderBy.keySet().toArray(String[]::new);
            this.ascending = new boolean[fields.length];
            for (int i = 0; i < fields.length; i++) {
                ascending[i] = ((Number) orderBy.get(fields[i])).intValue() > 0;
            }
            this.library = library;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public int compare(Document a, Document b) {
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].indexOf('.') >= 0) {
                    return library.compare(a, b);
                }
                Object x = a.get(fields[i]);
                Object y = b.get(fields[i]);
                if (x == null || y == null || x.getClass() != y.getClass() || !DIRECT.contains(x.getClass())) {
                    return library.compare(a, b);
                }
                int cmp = ((Comparable) x).compareTo(y);
                if (cmp != 0) {
                    return ascending[i] ? cmp : -cmp;
                }
            }
            return 0;
        }
    }
}
