package com.abcdashboard.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Small conversions shared by the repositories. */
final class Documents {
    private Documents() {}

    /** A malformed id finds nothing rather than failing: ids come from clients. */
    static Optional<ObjectId> objectId(String id) {
        return id != null && ObjectId.isValid(id) ? Optional.of(new ObjectId(id)) : Optional.empty();
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    /** A stored sub-document of text values (audit details, mail variables) as a map, in stored order. */
    static Map<String, String> strings(Document stored) {
        Map<String, String> values = new LinkedHashMap<>();
        if (stored != null) {
            stored.forEach((name, value) -> values.put(name, String.valueOf(value)));
        }
        return values;
    }

    static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
