package com.abcdashboard.domain.admin;

import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.FieldErrors;
import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.audit.AuditLog;
import com.abcdashboard.domain.auth.EmailLinks;
import com.abcdashboard.domain.auth.LoginLocks;
import com.abcdashboard.domain.auth.PasswordHasher;
import com.abcdashboard.domain.auth.PasswordPolicy;
import com.abcdashboard.domain.auth.SessionRepository;
import com.abcdashboard.domain.user.AccessPolicy;
import com.abcdashboard.domain.user.AccountFields;
import com.abcdashboard.domain.user.NewAccount;
import com.abcdashboard.domain.user.PhoneNumbers;
import com.abcdashboard.domain.user.ProfileChanges;
import com.abcdashboard.domain.user.ProfileService;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserQuery;
import com.abcdashboard.domain.user.UserRepository;
import com.abcdashboard.domain.user.UserStats;
import com.abcdashboard.domain.user.UserUpdate;
import com.abcdashboard.domain.user.Usernames;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * User management by admins and managers: list, statistics, create, update, (de)activate and delete.
 * Every permission comes from {@link AccessPolicy}; the last-admin invariant from the repository.
 *
 * <p>Updates are decided on the target as read, then applied only if the target is still in that state
 * (role, active flag, not deleted); when it changed meanwhile, the decision is made again on the new
 * state. Deactivating or deleting a user ends their sessions at once; their access tokens already stop
 * working on the next request because every request re-reads the user.
 */
public final class UserAdministration {
    /** "Recent" in the statistics. */
    static final Duration RECENT = Duration.ofDays(7);

    private static final int MAX_ATTEMPTS = 5;

    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher passwords;
    private final EmailLinks links;
    private final AuditLog audit;
    private final AccessPolicy policy;
    private final PhoneNumbers phones;
    private final LoginLocks locks;
    private final Clock clock;

    public UserAdministration(
            UserRepository users,
            SessionRepository sessions,
            PasswordHasher passwords,
            EmailLinks links,
            AuditLog audit,
            AccessPolicy policy,
            PhoneNumbers phones,
            LoginLocks locks,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.links = links;
        this.audit = audit;
        this.policy = policy;
        this.phones = phones;
        this.locks = locks;
        this.clock = clock;
    }

    public Page<User> list(User caller, UserQuery query, PageRequest page) {
        policy.requireCanReadUsers(caller);
        return users.find(query, page);
    }

    public UserStats stats(User caller) {
        policy.requireCanManageUsers(caller);
        return users.stats(clock.instant().minus(RECENT));
    }

    public User get(User caller, String id) {
        policy.requireCanReadUsers(caller);
        return find(id);
    }

    /**
     * Creates an active account whose email counts as verified (an admin or manager vouches for it).
     * It starts with {@code firstLogin=true}, so the first sign-in asks for a new password; without a
     * password, a set-password link is emailed. Without first and last name they are split from the
     * display name; without a username one is generated ({@link Usernames}).
     */
    public User create(User caller, NewAccount sent, ClientInfo client) {
        Role role = sent.role() == null ? Role.STAFF : sent.role();
        policy.requireCanCreate(caller, role);
        validate(sent, phones).throwIfAny();
        NewAccount account = withNames(sent);

        String phone = blankToNull(account.phone());
        User created = Usernames.insert(
                users,
                account.toNewUser(
                        role,
                        phone == null ? null : phones.toE164(phone).orElseThrow(),
                        true,
                        true,
                        account.password() == null ? null : passwords.hash(account.password()),
                        clock.instant(),
                        caller.id()));
        if (account.password() == null) {
            links.send(created, links.setPassword());
        }
        record(AuditAction.USER_CREATED, caller, created, client, Map.of("role", role.id()));
        return created;
    }

    public User update(User caller, String id, UserUpdate update, ClientInfo client) {
        policy.requireCanManageUsers(caller);
        ProfileService.validate(update.profile(), phones).throwIfAny();
        UserUpdate normalised =
                new UserUpdate(ProfileService.normalise(update.profile(), phones), update.role(), update.active());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            User before = find(id);
            policy.requireCanUpdate(caller, before, normalised);
            var after = users.update(before, normalised, clock.instant(), caller.id());
            if (after.isPresent()) {
                audited(caller, before, after.get(), client);
                if (before.active() && !after.get().active()) {
                    sessions.revokeAllForUser(id, null, clock.instant(), "user_deactivated");
                }
                return after.get();
            }
        }
        throw changedConcurrently();
    }

    public void delete(User caller, String id, ClientInfo client) {
        policy.requireCanDeleteUsers(caller);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            User target = find(id);
            policy.requireCanDelete(caller, target);
            if (users.softDelete(target, clock.instant(), caller.id())) {
                // The address is free for a new account, which must not inherit the old one's lock.
                locks.cleared(target.email());
                sessions.revokeAllForUser(id, null, clock.instant(), "user_deleted");
                record(
                        AuditAction.USER_DELETED,
                        caller,
                        target,
                        client,
                        Map.of("role", target.role().id()));
                return;
            }
        }
        throw changedConcurrently();
    }

    private void audited(User caller, User before, User after, ClientInfo client) {
        if (before.role() != after.role()) {
            record(
                    AuditAction.ROLE_CHANGED,
                    caller,
                    after,
                    client,
                    Map.of(
                            "fromRole",
                            before.role().id(),
                            "toRole",
                            after.role().id()));
        }
        if (before.active() != after.active()) {
            record(
                    after.active() ? AuditAction.USER_ACTIVATED : AuditAction.USER_DEACTIVATED,
                    caller,
                    after,
                    client,
                    Map.of());
        }
        if (before.role() == after.role() && before.active() == after.active()) {
            record(AuditAction.USER_UPDATED, caller, after, client, Map.of());
        }
    }

    private void record(AuditAction action, User caller, User target, ClientInfo client, Map<String, String> details) {
        audit.record(AuditEvent.of(action, clock.instant(), caller.id(), target.id(), client, details));
    }

    private User find(String id) {
        return users.findById(id).orElseThrow(() -> new DomainException(ErrorCategory.NOT_FOUND, "User not found"));
    }

    /**
     * The create form of the dashboard sends a display name and no first or last name: both are split
     * from it (the first word; the rest, or the first word again for a one-word name).
     */
    static NewAccount withNames(NewAccount account) {
        boolean noNames = account.firstName() == null && account.lastName() == null;
        String displayName = blankToNull(account.displayName());
        if (!noNames || displayName == null) {
            return account;
        }
        String[] words = displayName.split("\\s+", 2);
        String lastName = words.length > 1 ? words[1] : words[0];
        return new NewAccount(
                account.email(),
                account.username(),
                atMost50(words[0]),
                atMost50(lastName),
                displayName,
                account.role(),
                account.phone(),
                account.langKey(),
                account.password());
    }

    private static String atMost50(String name) {
        return name.length() <= 50 ? name : name.substring(0, 50);
    }

    /**
     * First and last name are required unless a display name is sent; whatever is sent is checked. A
     * display name alone is enough: {@link #withNames} splits it.
     */
    static FieldErrors validate(NewAccount account, PhoneNumbers phones) {
        FieldErrors errors = ProfileService.validate(
                new ProfileChanges(account.displayName(), null, null, null, account.phone(), account.langKey(), null),
                phones);
        AccountFields.checkEmail("email", account.email(), errors);
        boolean displayNameOnly =
                blankToNull(account.displayName()) != null && account.firstName() == null && account.lastName() == null;
        if (!displayNameOnly) {
            AccountFields.checkName("firstName", account.firstName(), errors);
            AccountFields.checkName("lastName", account.lastName(), errors);
        }
        AccountFields.checkUsername("username", account.username(), errors);
        if (account.password() != null) {
            PasswordPolicy.check("password", account.password(), errors);
        }
        return errors;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static DomainException changedConcurrently() {
        return new DomainException(ErrorCategory.CONFLICT, "The user is being changed by someone else; try again");
    }
}
