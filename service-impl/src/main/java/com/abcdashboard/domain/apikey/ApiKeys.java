package com.abcdashboard.domain.apikey;

import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.FieldErrors;
import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.audit.AuditLog;
import com.abcdashboard.domain.auth.TwoFactorRequirement;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys: issued by admins (any scope) and managers (the scopes their role holds), listed, revoked, and
 * checked on every request that presents one. A key's own life (created by, revoked by, when) is kept on
 * the key, which stays listed after its revocation, and audited ({@code api_key_created},
 * {@code api_key_revoked}, the key's prefix and scopes in the details); the audit log names the key on
 * every entry a request made with it causes.
 *
 * <p>A key acts as its creator. Each request re-reads the key (so a revocation holds on the next request
 * on every instance, with nothing to invalidate) and the creator (through the cached user repository, so
 * a demotion, deactivation or deletion holds as soon as it does for the creator's own tokens). The scope
 * opens a group of operations; inside it the creator's current role decides, so a key never does more
 * than its creator could.
 */
public final class ApiKeys {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

    /** {@code lastUsedAt} is written at most this often per key: a key used all day costs one write a minute. */
    public static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_PREFIX_DRAWS = 5;

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final ApiKeyFormat format;
    private final AuditLog audit;
    private final TwoFactorRequirement twoFactor;
    private final Clock clock;

    public ApiKeys(
            ApiKeyRepository keys,
            UserRepository users,
            ApiKeyFormat format,
            AuditLog audit,
            TwoFactorRequirement twoFactor,
            Clock clock) {
        this.keys = keys;
        this.users = users;
        this.format = format;
        this.audit = audit;
        this.twoFactor = twoFactor;
        this.clock = clock;
    }

    public IssuedApiKey create(User caller, NewApiKey request, ClientInfo client) {
        requireCanManageKeys(caller);
        Instant now = clock.instant();
        Set<ApiKeyScope> scopes = validate(request, now);
        Set<ApiKeyScope> beyondRole = EnumSet.copyOf(scopes);
        beyondRole.removeAll(ApiKeyScope.heldBy(caller.role()));
        if (!beyondRole.isEmpty()) {
            throw forbidden("Your role cannot grant " + ids(beyondRole));
        }
        for (int draw = 0; ; draw++) {
            ApiKeyFormat.Generated generated = format.generate();
            ApiKey key = new ApiKey(
                    null,
                    request.name().trim(),
                    scopes,
                    generated.prefix(),
                    ApiKeyFormat.digest(generated.key()),
                    caller.id(),
                    now,
                    request.expiresAt(),
                    null,
                    null,
                    null);
            try {
                ApiKey stored = keys.insert(key);
                audit.record(AuditEvent.of(
                        AuditAction.API_KEY_CREATED,
                        now,
                        caller.id(),
                        null,
                        client,
                        Map.of("apiKeyId", stored.id(), "apiKeyPrefix", stored.prefix(), "scopes", ids(scopes))));
                LOG.info(
                        "API key {} ({}) created by user {}, correlation id {}",
                        stored.prefix(),
                        ids(scopes),
                        caller.id(),
                        client.correlationId());
                return new IssuedApiKey(stored, generated.key());
            } catch (ApiKeyRepository.DuplicatePrefixException e) {
                if (draw + 1 >= MAX_PREFIX_DRAWS) {
                    throw e;
                }
            }
        }
    }

    /** Admins: every key; managers: their own. */
    public Page<ApiKey> list(User caller, PageRequest page) {
        requireCanManageKeys(caller);
        return keys.find(caller.role() == Role.ADMIN ? null : caller.id(), page);
    }

    /** Admins revoke any key, managers their own; another's key is "not found" to a manager. */
    public void revoke(User caller, String id, ClientInfo client) {
        requireCanManageKeys(caller);
        ApiKey key = keys.findById(id)
                .filter(k -> caller.role() == Role.ADMIN || k.createdBy().equals(caller.id()))
                .orElseThrow(() -> new DomainException(ErrorCategory.NOT_FOUND, "API key not found"));
        Instant now = clock.instant();
        if (keys.revoke(key.id(), now, caller.id())) {
            audit.record(AuditEvent.of(
                    AuditAction.API_KEY_REVOKED,
                    now,
                    caller.id(),
                    null,
                    client,
                    Map.of("apiKeyId", key.id(), "apiKeyPrefix", key.prefix())));
            LOG.info(
                    "API key {} revoked by user {}, correlation id {}",
                    key.prefix(),
                    caller.id(),
                    client.correlationId());
        }
    }

    /**
     * The caller behind a presented key, if the key may open {@code scope}: 401 for a key that is malformed,
     * unknown, revoked, expired or whose creator can no longer sign in; 403 for a valid key without the scope.
     */
    public ApiKeyCaller authorize(String presented, ApiKeyScope scope) {
        Instant now = clock.instant();
        ApiKeyFormat.Presented parsed = ApiKeyFormat.parse(presented).orElseThrow(ApiKeys::invalidKey);
        ApiKey key = keys.findByPrefix(parsed.prefix())
                .filter(k -> ApiKeyFormat.matches(parsed, k.digest()))
                .orElseThrow(ApiKeys::invalidKey);
        if (key.revoked()) {
            throw unauthenticated("API key revoked");
        }
        if (key.expiredAt(now)) {
            throw unauthenticated("API key expired");
        }
        User creator = users.findById(key.createdBy())
                .filter(u -> u.active() && u.emailVerified() && !u.isDeleted())
                .orElseThrow(() -> unauthenticated("API key no longer valid: its creator cannot sign in"));
        if (key.lastUsedAt() == null || !key.lastUsedAt().isAfter(now.minus(LAST_USED_PRECISION))) {
            keys.touch(key.id(), now, now.minus(LAST_USED_PRECISION));
        }
        if (!key.scopes().contains(scope)) {
            throw forbidden("This API key does not have the scope " + scope.id());
        }
        if (twoFactor.mustEnrol(creator)) {
            // The creator's own tokens reach only the enrolment (MFA_REQUIRED_ROLES); a key made before
            // the requirement must not be the way around it.
            throw forbidden("API key refused: its creator must set up two-factor sign-in first");
        }
        return new ApiKeyCaller(key, creator);
    }

    private static Set<ApiKeyScope> validate(NewApiKey request, Instant now) {
        FieldErrors errors = new FieldErrors();
        String name = request.name() == null ? "" : request.name().trim();
        if (name.isEmpty()) {
            errors.add("name", "is required");
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        Set<ApiKeyScope> scopes =
                request.scopes() == null || request.scopes().isEmpty() ? Set.of() : EnumSet.copyOf(request.scopes());
        if (scopes.isEmpty()) {
            errors.add("scopes", "must name at least one scope");
        } else if (scopes.size() != request.scopes().size()) {
            errors.add("scopes", "must not repeat a scope");
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            errors.add("expiresAt", "must be in the future");
        }
        errors.throwIfAny();
        return scopes;
    }

    private static void requireCanManageKeys(User caller) {
        if (caller.role() != Role.ADMIN && caller.role() != Role.MANAGER) {
            throw forbidden("Only admins and managers can manage API keys");
        }
    }

    private static String ids(Set<ApiKeyScope> scopes) {
        return scopes.stream().map(ApiKeyScope::id).sorted().collect(Collectors.joining(","));
    }

    private static DomainException invalidKey() {
        return unauthenticated("Invalid API key");
    }

    private static DomainException unauthenticated(String message) {
        return new DomainException(ErrorCategory.AUTHENTICATION, message);
    }

    private static DomainException forbidden(String message) {
        return new DomainException(ErrorCategory.AUTHORIZATION, message);
    }
}
