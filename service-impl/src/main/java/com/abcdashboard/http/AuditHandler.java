package com.abcdashboard.http;

import com.abcdashboard.api.model.AuditAction;
import com.abcdashboard.api.model.AuditLogListResponse;
import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.audit.AuditLog;
import com.abcdashboard.domain.audit.AuditQuery;
import com.abcdashboard.domain.user.AccessPolicy;
import com.abcdashboard.mapping.AuditMapper;
import com.abcdashboard.mapping.PaginationMapper;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Implements the generated {@link AuditService}: the audit log, for admins. */
public final class AuditHandler extends AuditService {
    /** The spec's maxLength of the id filters. */
    private static final int MAX_ID_LENGTH = 64;

    private final AuditLog audit;
    private final AccessPolicy policy;
    private final RequestAuthenticator authenticator;
    private final Clock clock;
    private final AuditMapper mapper = AuditMapper.INSTANCE;

    public AuditHandler(AuditLog audit, AccessPolicy policy, RequestAuthenticator authenticator, Clock clock) {
        this.audit = audit;
        this.policy = policy;
        this.authenticator = authenticator;
        this.clock = clock;
    }

    /**
     * Strict parsing (see {@link QueryParameters}) in place of the whole generated method, not just of its
     * parsers ({@code createListAuditLogsOp()}): the generated method goes on to validate, and that
     * validation is wrong for this operation — {@code validateMin("page", page, 1, true)} treats the
     * spec's inclusive minimum as exclusive (so {@code page=1} and {@code limit=1} fail, as does
     * {@code limit=100} at the maximum), and its size check rejects every present optional text parameter
     * ("type java.util.Optional unrecognized"). The generated parsers also look {@code action} up by
     * constant name, so {@code login_success} fails. {@code AuditLogE2ETest} pins the boundary values.
     */
    @Override
    protected void listAuditLogs(ServerRequest request, ServerResponse response) {
        // Who asks comes first: an anonymous request gets 401, whatever its parameters.
        authenticator.require(request);
        handleListAuditLogs(
                request,
                response,
                Optional.empty(),
                QueryParameters.integer(request, "page", 1, Integer.MAX_VALUE, 1),
                QueryParameters.integer(request, "limit", 1, PageRequest.MAX_LIMIT, PageRequest.DEFAULT_LIMIT),
                QueryParameters.text(request, "actorId", MAX_ID_LENGTH),
                QueryParameters.text(request, "targetId", MAX_ID_LENGTH),
                QueryParameters.oneOf(request, "action", AuditAction.class, AuditAction::fromValue),
                QueryParameters.dateTime(request, "from"),
                QueryParameters.dateTime(request, "to"));
    }

    @Override
    protected void handleListAuditLogs(
            ServerRequest request,
            ServerResponse response,
            Optional<String> correlationId,
            Optional<Integer> page,
            Optional<Integer> limit,
            Optional<String> actorId,
            Optional<String> targetId,
            Optional<AuditAction> action,
            Optional<OffsetDateTime> from,
            Optional<OffsetDateTime> to) {
        policy.requireCanReadAuditLog(authenticator.require(request).user());
        AuditQuery query = new AuditQuery(
                actorId.orElse(null),
                targetId.orElse(null),
                action.map(mapper::action).orElse(null),
                from.map(OffsetDateTime::toInstant).orElse(null),
                to.map(OffsetDateTime::toInstant).orElse(null));
        Page<AuditEvent> found =
                audit.find(query, new PageRequest(page.orElse(1), limit.orElse(PageRequest.DEFAULT_LIMIT)));
        AuditLogListResponse envelope = new AuditLogListResponse(
                true,
                "Audit log retrieved",
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                found.items().stream().map(mapper::toDto).toList(),
                PaginationMapper.meta(found));
        ListAuditLogsOp.Response200.builder().response(envelope).send(response);
    }

    @Override
    public void afterStop() {
        // The generated default prints to stdout; shutdown is logged by the application.
    }
}
