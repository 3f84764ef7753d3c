package com.abcdashboard.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;

/** The JSON form of cached domain records (instants as ISO strings; unknown fields ignored). */
final class CacheJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * What was parsed from each cached string, by identity (weak keys compare with {@code ==}): the
     * near cache and the in-process store hand back the same String instance on every hit, so the record
     * behind it is parsed once instead of on every request. Safe because the records are immutable and
     * a string only ever comes from one key, hence one type; gone when the string is.
     */
    private static final Cache<String, Object> PARSED = Caffeine.newBuilder()
            .executor(Runnable::run)
            .weakKeys()
            .maximumSize(10_000)
            .build();

    private CacheJson() {}

    /** The value in {@code json}, or empty when this version cannot read it. */
    @SuppressWarnings("unchecked")
    static <T> Optional<T> read(String json, TypeReference<T> type) {
        return Optional.ofNullable((T) PARSED.get(json, text -> {
            try {
                return MAPPER.readValue(text, type);
            } catch (JsonProcessingException e) {
                return null; // not kept: Caffeine stores no null
            }
        }));
    }
}
