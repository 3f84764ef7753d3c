package com.abcdashboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.user.NewUser;
import com.abcdashboard.domain.user.ProfileChanges;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserQuery;
import com.abcdashboard.domain.user.UserSort;
import com.abcdashboard.domain.user.UserStats;
import com.abcdashboard.domain.user.UserUpdate;
import com.abcdashboard.testsupport.EmbeddedMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoUserListingTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoUserRepository users;

    @BeforeEach
    void freshDatabase() {
        users = new MongoUserRepository(mongo.freshDatabase());
    }

    @Test
    void searchIsLiteralTextNotARegularExpression() {
        insert("dot.star@example.com", "plain", "Any Name", Role.STAFF, NOW);
        insert("paren@example.com", "other", "Name (with) parens", Role.STAFF, NOW);
        insert("third@example.com", "third", "Third", Role.STAFF, NOW);

        assertThat(emails(query("(", null))).containsExactly("paren@example.com");
        assertThat(emails(query(".*", null))).isEmpty();
        assertThat(emails(query("d.t", null))).isEmpty();
        assertThat(emails(query("T.STAR", null))).containsExactly("dot.star@example.com");
        assertThat(emails(query("[a-z]+", null))).isEmpty();
        assertThat(emails(query("\\", null))).isEmpty();
        assertThat(emails(query("$", null))).isEmpty();
    }

    @Test
    void searchLooksAtDisplayNameUsernameAndEmailCaseInsensitively() {
        insert("a@example.com", "alpha_user", "Zed", Role.STAFF, NOW);
        insert("b@other.org", "bravo", "Alpha Person", Role.STAFF, NOW);
        insert("alpha@x.io", "charlie", "Charlie", Role.STAFF, NOW);
        insert("d@x.io", "delta", "Delta", Role.STAFF, NOW);

        assertThat(emails(query("ALPHA", null)))
                .containsExactlyInAnyOrder("a@example.com", "b@other.org", "alpha@x.io");
    }

    @Test
    void filtersCombine() {
        User manager = insert("m@example.com", "m", "Manager", Role.MANAGER, NOW);
        insert("s1@example.com", "s1", "Staff One", Role.STAFF, NOW);
        User inactive = insert("s2@example.com", "s2", "Staff Two", Role.STAFF, NOW);
        users.update(inactive, new UserUpdate(null, null, false), NOW, manager.id());
        User withBio = insert("s3@example.com", "s3", "Staff Three", Role.STAFF, NOW);
        users.updateProfile(
                withBio.id(),
                new ProfileChanges(null, null, null, "bio", null, null, "https://a/b.png"),
                NOW,
                withBio.id());

        assertThat(emails(new UserQuery(Role.STAFF, true, null, null, null, null, null, null, null, true)))
                .containsExactlyInAnyOrder("s1@example.com", "s3@example.com");
        assertThat(emails(new UserQuery(null, false, null, null, null, null, null, null, null, true)))
                .containsExactly("s2@example.com");
        assertThat(emails(new UserQuery(null, null, null, null, null, null, true, true, null, true)))
                .containsExactly("s3@example.com");
        assertThat(emails(new UserQuery(null, null, null, null, null, null, false, null, null, true)))
                .hasSize(3);
        assertThat(emails(new UserQuery(null, null, null, "S2@", "S", "two", null, null, null, true)))
                .containsExactly("s2@example.com");
    }

    @Test
    void equalSortKeysAreOrderedByIdSoPagesNeitherRepeatNorSkip() {
        List<String> inserted = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Everyone created at the same instant: only the id tells them apart.
            inserted.add(insert("u" + i + "@example.com", "u" + i, "Same", Role.STAFF, NOW)
                    .email());
        }
        for (boolean ascending : new boolean[] {true, false}) {
            UserQuery byCreation =
                    new UserQuery(null, null, null, null, null, null, null, null, UserSort.CREATED_AT, ascending);
            List<String> paged = new ArrayList<>();
            for (int page = 1; page <= 4; page++) {
                paged.addAll(emails(users.find(byCreation, new PageRequest(page, 7))));
            }
            List<String> expected = new ArrayList<>(inserted);
            if (!ascending) {
                java.util.Collections.reverse(expected);
            }
            assertThat(paged).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void pagesReportTheirPositionInTheWholeResult() {
        for (int i = 0; i < 5; i++) {
            insert("p" + i + "@example.com", "p" + i, "P", Role.STAFF, NOW.plusSeconds(i));
        }
        Page<User> last = users.find(UserQuery.ALL, new PageRequest(3, 2));
        assertThat(last.items()).hasSize(1);
        assertThat(last.total()).isEqualTo(5);
        assertThat(last.totalPages()).isEqualTo(3);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.hasPrevious()).isTrue();

        Page<User> beyond = users.find(UserQuery.ALL, new PageRequest(4, 2));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
    }

    @Test
    void statsAreCountedByTheDatabaseOverNonDeletedUsers() {
        User admin = insert("admin@example.com", "admin", "Admin", Role.ADMIN, NOW.minus(Duration.ofDays(30)));
        insert("m@example.com", "m", "M", Role.MANAGER, NOW.minus(Duration.ofDays(8)));
        insert("s1@example.com", "s1", "S1", Role.STAFF, NOW.minus(Duration.ofDays(1)));
        User s2 = insert("s2@example.com", "s2", "S2", Role.STAFF, NOW);
        User unverified = users.insert(new NewUser(
                "u@example.com",
                null,
                "Un",
                "Verified",
                "Un Verified",
                Role.STAFF,
                null,
                "en",
                false,
                false,
                "h",
                NOW,
                null));
        User deleted = insert("gone@example.com", "gone", "Gone", Role.STAFF, NOW);
        users.softDelete(deleted, NOW, admin.id());
        users.update(s2, new UserUpdate(null, null, false), NOW, admin.id());

        UserStats stats = users.stats(NOW.minus(Duration.ofDays(7)));

        assertThat(stats)
                .isEqualTo(new UserStats(5, 4, 1, Map.of(Role.ADMIN, 1L, Role.MANAGER, 1L, Role.STAFF, 3L), 3, 4, 1));
        assertThat(unverified.emailVerified()).isFalse();
    }

    private static UserQuery query(String search, UserSort sort) {
        return new UserQuery(null, null, search, null, null, null, null, null, sort, true);
    }

    private List<String> emails(UserQuery query) {
        return emails(users.find(query, new PageRequest(1, 100)));
    }

    private static List<String> emails(Page<User> page) {
        return page.items().stream().map(User::email).toList();
    }

    private User insert(String email, String username, String displayName, Role role, Instant createdAt) {
        return users.insert(new NewUser(
                email, username, "First", "Last", displayName, role, null, "en", true, false, "hash", createdAt, null));
    }
}
