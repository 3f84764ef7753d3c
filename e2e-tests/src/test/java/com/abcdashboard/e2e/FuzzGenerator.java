package com.abcdashboard.e2e;

import com.abcdashboard.e2e.SpecOperations.Field;
import com.abcdashboard.e2e.SpecOperations.SpecOperation;
import com.abcdashboard.e2e.WireRequest.Expectation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates the fuzz campaign from the spec: for every operation, requests of every applicable {@link
 * Family}, round-robin over the (operation, family) pairs in an order shuffled by the seed, so any count
 * covers every pair evenly and the same seed gives the same requests.
 *
 * <p>No request may change stored data, so every request to an operation that changes state is invalid
 * by construction:
 *
 * <ul>
 *   <li>register, create user, update user and profile, create API key ({@link #POISONED}) carry a <em>poison</em>: one
 *       field other than the one under attack breaks a limit the spec states (a one-letter name, a blank
 *       display name, a 501-character bio, "not-an-email", an unknown role, "maybe" for a boolean),
 *       placed last in the body, so whatever the attacked field does, the request must be refused;
 *   <li>sign-in, token, reset, verification, refresh, sign-out and password change carry a credential
 *       the campaign cannot know (an address no account has, a current password that is wrong, a token
 *       never issued, a two-factor code or mfaToken that is not the account's), and sign-out never carries
 *       the campaign's own session;
 *   <li>delete (a user, or a user's two-factor sign-in) always names a user that does not exist (or no id
 *       at all).
 * </ul>
 *
 * The allow-list of what may succeed: reads (GET/HEAD), forgot-password / resend-verification, which
 * answer 200 for any well-formed address by design — the campaign's addresses are under {@code
 * .invalid}, which no account has —, and a TOTP enrolment, which only keeps a pending secret that nothing
 * shows until it is confirmed (and the campaign confirms none). Credential abuse ({@link Family#TOKEN}) is the exception to the
 * poison: the body is well-formed so that the credential is the only thing wrong, and the answer must be
 * exactly 401.
 */
final class FuzzGenerator {
    enum Family {
        WRONG_TYPE,
        MISSING_FIELD,
        HUGE,
        BOUNDARY,
        UNICODE,
        OPERATOR,
        DEEP_JSON,
        INVALID_JSON,
        CONTENT_TYPE,
        TEXT_HYGIENE,
        QUERY,
        TOKEN,
        HEADERS,
        PATH,
        METHOD,
        SMUGGLING
    }

    static final Set<Family> BODY_FAMILIES = EnumSet.of(
            Family.WRONG_TYPE,
            Family.MISSING_FIELD,
            Family.HUGE,
            Family.BOUNDARY,
            Family.UNICODE,
            Family.OPERATOR,
            Family.DEEP_JSON,
            Family.INVALID_JSON,
            Family.CONTENT_TYPE,
            Family.TEXT_HYGIENE);

    /** Operations whose valid requests would store something: every request carries a poison. */
    static final Set<String> POISONED = Set.of(
            "register",
            "createUser",
            "updateUser",
            "patchUser",
            "updateProfile",
            "patchProfile",
            "updateMyProfile",
            "patchMyProfile",
            "createApiKey",
            "createWebhook",
            "updateWebhook");

    /** Answer 200 for any well-formed address (and store nothing for one no account has). */
    private static final Set<String> NEUTRAL_FOR_UNKNOWN_ADDRESSES = Set.of("forgotPassword", "resendVerification");

    /**
     * Operations that take no input to poison and whose success changes nothing a client (or the
     * campaign's before/after snapshot) can see: a TOTP enrolment only keeps a pending secret, replaced by
     * the next one and invisible until confirmed.
     */
    private static final Set<String> UNSEEN_WHEN_ACCEPTED = Set.of("enrollTotp");

    /** Operations about the caller's own account: sent as the campaign's staff user, never as the admin. */
    private static final Set<String> OWN_ACCOUNT = Set.of(
            "getAuthStatus",
            "getProfile",
            "updateProfile",
            "patchProfile",
            "getMyProfile",
            "updateMyProfile",
            "patchMyProfile",
            "changePassword");

    /**
     * Operations sent without a valid token: with one, sign-out would end the campaign's own session, and
     * ending one's sessions would end the campaign's others — a hostile session id such as {@code .} or
     * {@code ;x} can normalise {@code /auth/sessions/{sessionId}} into {@code /auth/sessions}, "all others".
     */
    private static final Set<String> NO_VALID_TOKEN = Set.of("logout", "revokeMyOtherSessions", "revokeMySession");

    /** Ids no user has (well-formed and not). */
    /** A path template's parameter: {@code {id}}, {@code {sessionId}}. */
    static final String PATH_PARAMETER = "\\{[^/]+}";

    static final List<String> UNKNOWN_IDS =
            List.of("000000000000000000000000", "ffffffffffffffffffffffff", "6745a1f0c2d7e5b1a4c8e9d2");

    /** The new password offered by every password change, reset and registration; it must never sign in. */
    static final String OFFERED_PASSWORD = "Fuzz1Campaign";

    /** Who the campaign acts as. */
    record Identities(String adminBearer, String staffBearer, String targetUserId, Map<String, String> forged) {}

    private record Bucket(SpecOperation operation, Family family) {}

    private final List<SpecOperation> operations;
    private final Identities identities;
    private final Random random;
    private final BodyAbuse body;
    private final WireAbuse wire;
    private int counter;

    FuzzGenerator(List<SpecOperation> operations, Identities identities, long seed, int bodyLimit) {
        this.operations = operations;
        this.identities = identities;
        this.random = new Random(seed);
        this.body = new BodyAbuse(random, bodyLimit);
        this.wire = new WireAbuse(random, identities, bodyLimit);
    }

    List<WireRequest> generate(int count) {
        List<Bucket> buckets = new ArrayList<>();
        for (SpecOperation operation : operations) {
            for (Family family : Family.values()) {
                if (applies(operation, family)) {
                    buckets.add(new Bucket(operation, family));
                }
            }
        }
        Collections.shuffle(buckets, random);
        List<WireRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Bucket bucket = buckets.get(i % buckets.size());
            requests.add(make(bucket.operation(), bucket.family()));
        }
        return requests;
    }

    private static boolean applies(SpecOperation operation, Family family) {
        if (BODY_FAMILIES.contains(family)) {
            return operation.body().isPresent()
                    && (family != Family.MISSING_FIELD
                            || operation.bodyFields().stream().anyMatch(Field::required))
                    && (family != Family.TEXT_HYGIENE
                            || operation.bodyFields().stream().anyMatch(BodyAbuse::isCheckedText));
        }
        return family != Family.TOKEN || operation.secured();
    }

    private WireRequest make(SpecOperation operation, Family family) {
        boolean poisoned = POISONED.contains(operation.id()) && family != Family.TOKEN;
        RequestDraft draft = new RequestDraft(operation.method(), pathFor(operation, family), expectation(operation));
        draft.headers.addAll(identity(operation));
        if (operation.body().isPresent()) {
            baseline(operation, draft);
        }
        String poisonField = poisoned && operation.body().isPresent() ? poison(operation, draft) : null;
        List<Field> targets = operation.bodyFields().stream()
                .filter(f -> !f.name().equals(poisonField))
                .toList();
        switch (family) {
            case WRONG_TYPE -> body.wrongType(draft, pick(targets));
            case MISSING_FIELD -> body.missingField(draft, targets);
            case HUGE -> body.huge(draft, pick(targets));
            case BOUNDARY -> body.boundary(draft, pick(targets));
            case UNICODE -> body.unicode(draft, pick(targets));
            case OPERATOR -> body.operator(draft, pick(targets), poisoned);
            case DEEP_JSON -> body.deep(draft, pick(targets), poisoned);
            case INVALID_JSON -> body.invalidJson(draft, poisoned);
            case CONTENT_TYPE -> body.contentType(draft);
            case TEXT_HYGIENE ->
                body.textHygiene(
                        draft,
                        pick(operation.bodyFields().stream()
                                .filter(BodyAbuse::isCheckedText)
                                .toList()));
            case QUERY -> wire.query(draft, operation);
            case TOKEN -> wire.token(draft);
            case HEADERS -> wire.headers(draft, operation);
            case PATH -> wire.path(draft, operation);
            case METHOD -> wire.method(draft, operation);
            case SMUGGLING -> wire.smuggling(draft, "fuzz-smuggled-" + (++counter) + "@campaign.invalid");
        }
        return draft.build(operation.id(), family.name());
    }

    private static Expectation expectation(SpecOperation operation) {
        if (operation.isRead()
                || NEUTRAL_FOR_UNKNOWN_ADDRESSES.contains(operation.id())
                || UNSEEN_WHEN_ACCEPTED.contains(operation.id())) {
            return Expectation.NO_SERVER_ERROR;
        }
        return Expectation.REFUSED;
    }

    private List<String> identity(SpecOperation operation) {
        if (!operation.secured() || NO_VALID_TOKEN.contains(operation.id())) {
            return List.of();
        }
        if (OWN_ACCOUNT.contains(operation.id()) || random.nextInt(5) == 0) {
            return List.of(identities.staffBearer());
        }
        return List.of(identities.adminBearer());
    }

    /**
     * The route with its id: an unknown one for delete (never a real user), for credential abuse (a
     * wrongly accepted credential then shows as 404, not as a change) and for wrong methods; otherwise
     * mostly the campaign's target user, whose updates are poisoned.
     */
    private String pathFor(SpecOperation operation, Family family) {
        if (!operation.hasPathId()) {
            return operation.path();
        }
        boolean mayNameTheTarget = operation.path().contains("{id}")
                && !operation.method().equals("DELETE")
                && family != Family.TOKEN
                && family != Family.METHOD
                && family != Family.PATH
                && random.nextInt(10) < 7;
        String id = mayNameTheTarget ? identities.targetUserId() : pick(UNKNOWN_IDS);
        return operation.path().replaceAll(PATH_PARAMETER, java.util.regex.Matcher.quoteReplacement(id));
    }

    /** Well-formed values for the fields: the required ones and about half of the others. */
    private void baseline(SpecOperation operation, RequestDraft draft) {
        draft.fields = new java.util.LinkedHashMap<>();
        for (Field field : operation.bodyFields()) {
            if (field.required() || random.nextBoolean()) {
                draft.set(field.name(), wellFormed(field));
            }
        }
    }

    /**
     * A valid value for the field, never a real account's: addresses under {@code .invalid}, a current
     * password that is wrong (the spec's example is a real test password), tokens never issued.
     */
    String wellFormed(Field field) {
        counter++;
        if (field.isEmail()) {
            return HostileValues.quoted("fuzz-" + counter + "@campaign.invalid");
        }
        return switch (field.name()) {
            case "password", "newPassword" -> HostileValues.quoted(OFFERED_PASSWORD);
            case "currentPassword" -> HostileValues.quoted("Not-the-password-" + counter);
            case "token", "refreshToken" -> HostileValues.quoted("never-issued-token-" + counter);
            case "username" -> HostileValues.quoted("fuzz_" + counter);
            case "firstName", "lastName" -> HostileValues.quoted("Fuzz");
            case "displayName" -> HostileValues.quoted("Fuzz Campaign");
            case "bio" -> HostileValues.quoted("Written by the fuzz campaign");
            case "phone" -> HostileValues.quoted("+14155550123");
            case "langKey" -> HostileValues.quoted("en");
            case "avatarUrl" -> HostileValues.quoted("https://cdn.example.com/fuzz.png");
            case "isActive" -> "true";
            case "role" -> HostileValues.quoted("staff");
            case "name" -> HostileValues.quoted("Fuzz integration");
            case "scopes" -> "[\"users:read\"]";
            case "expiresAt" -> HostileValues.quoted("2030-01-01T00:00:00Z");
            case "url" -> HostileValues.quoted("http://127.0.0.1:9/fuzz-" + counter);
            case "events" -> "[\"user.login_locked\"]";
            case "active" -> "true";
            case "description" -> HostileValues.quoted("Fuzz endpoint");
            default -> HostileValues.quoted("fuzz");
        };
    }

    /** Puts one field that breaks a stated limit last in the body; returns its name. */
    private String poison(SpecOperation operation, RequestDraft draft) {
        List<Field> candidates =
                operation.bodyFields().stream().filter(Field::isConstrained).toList();
        Field field = pick(candidates);
        draft.fields.remove(field.name());
        draft.set(field.name(), broken(field));
        return field.name();
    }

    static String broken(Field field) {
        if ("boolean".equals(field.type())) {
            return HostileValues.quoted("maybe");
        }
        if (!field.allowed().isEmpty()) {
            return HostileValues.quoted("not-a-" + field.name());
        }
        if (field.isEmail()) {
            return HostileValues.quoted("not-an-email");
        }
        if (field.pattern() != null) {
            return HostileValues.quoted("!!");
        }
        if (field.minLength() != null && field.minLength() >= 2) {
            return HostileValues.quoted("x");
        }
        if (field.minLength() != null && field.minLength() == 1) {
            return HostileValues.quoted("   ");
        }
        return HostileValues.quoted("x".repeat(field.maxLength() + 1));
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
