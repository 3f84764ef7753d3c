package com.abcdashboard.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.domain.PageRequest;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserQueryTest {

    private static UserQuery searching(String search, String email) {
        return new UserQuery(null, null, search, email, null, null, null, null, UserSort.EMAIL, true);
    }

    @Test
    void equalQueriesShareTheirCacheKey() {
        assertThat(searching("jane", null).cacheKey())
                .isEqualTo(searching("jane", null).cacheKey());
    }

    @Test
    void filterTextCannotPassForAnotherFilter() {
        UserQuery oneFilter = searching("a;email=1:b", null);
        UserQuery twoFilters = searching("a", "b");

        assertThat(oneFilter.cacheKey()).isNotEqualTo(twoFilters.cacheKey());
    }

    @Test
    void anAbsentFilterDiffersFromAnEmptyOne() {
        assertThat(searching(null, null).cacheKey())
                .isNotEqualTo(searching("", null).cacheKey());
    }

    @Test
    void everyFieldTakesPartInTheKey() {
        UserQuery base = UserQuery.ALL;
        assertThat(Set.of(
                        base.cacheKey(),
                        new UserQuery(null, null, "s", null, null, null, null, null, null, false).cacheKey(),
                        new UserQuery(null, null, null, "e", null, null, null, null, null, false).cacheKey(),
                        new UserQuery(Role.STAFF, null, null, null, null, null, null, null, null, false).cacheKey(),
                        new UserQuery(null, true, null, null, null, null, null, null, null, false).cacheKey(),
                        new UserQuery(null, null, null, null, "u", null, null, null, null, false).cacheKey(),
                        new UserQuery(null, null, null, null, null, "d", null, null, null, false).cacheKey(),
                        new UserQuery(null, null, null, null, null, null, true, null, null, false).cacheKey(),
                        new UserQuery(null, null, null, null, null, null, null, true, null, false).cacheKey(),
                        new UserQuery(null, null, null, null, null, null, null, null, UserSort.ROLE, false).cacheKey(),
                        new UserQuery(null, null, null, null, null, null, null, null, null, true).cacheKey()))
                .hasSize(11);
    }

    @Test
    void pagesDifferByNumberAndSize() {
        assertThat(new PageRequest(1, 10).cacheKey())
                .isEqualTo(new PageRequest(1, 10).cacheKey())
                .isNotEqualTo(new PageRequest(2, 10).cacheKey())
                .isNotEqualTo(new PageRequest(1, 20).cacheKey());
    }
}
