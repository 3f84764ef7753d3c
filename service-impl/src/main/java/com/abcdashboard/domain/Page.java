package com.abcdashboard.domain;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the size of the whole result. */
public record Page<T>(List<T> items, long total, PageRequest request) {
    public Page {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return (int) ((total + request.limit() - 1) / request.limit());
    }

    public boolean hasNext() {
        return request.page() < totalPages();
    }

    public boolean hasPrevious() {
        return request.page() > 1;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, request);
    }
}
