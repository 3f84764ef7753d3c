package com.abcdashboard.mapping;

import com.abcdashboard.api.model.ListMetaDto;
import com.abcdashboard.api.model.PaginationDto;
import com.abcdashboard.domain.Page;

/** A domain {@link Page}'s position to the {@code meta.pagination} shape every list response carries. */
public final class PaginationMapper {
    private PaginationMapper() {}

    public static ListMetaDto meta(Page<?> page) {
        PaginationDto pagination = new PaginationDto();
        pagination.setPage(page.request().page());
        pagination.setLimit(page.request().limit());
        pagination.setTotal(page.total());
        pagination.setTotalPages(page.totalPages());
        pagination.setHasNext(page.hasNext());
        pagination.setHasPrev(page.hasPrevious());
        ListMetaDto meta = new ListMetaDto();
        meta.setPagination(pagination);
        return meta;
    }
}
