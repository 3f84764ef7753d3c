package com.abcdashboard.mapping;

import com.abcdashboard.api.model.ListMeta;
import com.abcdashboard.api.model.Pagination;
import com.abcdashboard.domain.Page;

/** A domain {@link Page}'s position to the {@code meta.pagination} shape every list response carries. */
public final class PaginationMapper {
    private PaginationMapper() {}

    public static ListMeta meta(Page<?> page) {
        Pagination pagination = new Pagination();
        pagination.setPage(page.request().page());
        pagination.setLimit(page.request().limit());
        pagination.setTotal(page.total());
        pagination.setTotalPages(page.totalPages());
        pagination.setHasNext(page.hasNext());
        pagination.setHasPrev(page.hasPrevious());
        ListMeta meta = new ListMeta();
        meta.setPagination(pagination);
        return meta;
    }
}
