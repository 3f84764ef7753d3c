package com.abcdashboard.http;

import com.abcdashboard.api.model.SessionListResponseDto;
import com.abcdashboard.api.model.SessionsRevokedDataDto;
import com.abcdashboard.api.model.SessionsRevokedResponseDto;
import com.abcdashboard.domain.auth.ActiveSession;
import com.abcdashboard.domain.auth.Authenticated;
import com.abcdashboard.domain.auth.SessionManagement;
import com.abcdashboard.mapping.SessionMapper;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;

/**
 * Implements the generated {@link SessionsService} (registered under {@code /api/v1}: its operations live
 * under {@code /auth/sessions} and {@code /users/{id}/sessions}) over {@link SessionManagement}.
 */
public final class SessionsHandler extends SessionsService {
    private final SessionManagement management;
    private final RequestAuthenticator authenticator;
    private final Envelopes envelopes;
    private final SessionMapper sessions = SessionMapper.INSTANCE;

    public SessionsHandler(SessionManagement management, RequestAuthenticator authenticator, Envelopes envelopes) {
        this.management = management;
        this.authenticator = authenticator;
        this.envelopes = envelopes;
    }

    @Override
    protected void handleListMySessions(
            ServerRequest request, ServerResponse response, Optional<String> correlationId) {
        Authenticated caller = authenticator.require(request);
        ListMySessionsOp.Response200.builder()
                .response(list(management.mine(caller)))
                .send(response);
    }

    @Override
    protected void handleRevokeMySession(
            ServerRequest request, ServerResponse response, String sessionId, Optional<String> correlationId) {
        Authenticated caller = authenticator.require(request);
        management.endMine(caller, sessionId, RequestAuthenticator.client(request));
        RevokeMySessionOp.Response200.builder()
                .response(envelopes.message("Session ended"))
                .send(response);
    }

    @Override
    protected void handleRevokeMyOtherSessions(
            ServerRequest request, ServerResponse response, Optional<String> correlationId) {
        Authenticated caller = authenticator.require(request);
        long ended = management.endMyOthers(caller, RequestAuthenticator.client(request));
        RevokeMyOtherSessionsOp.Response200.builder().response(revoked(ended)).send(response);
    }

    @Override
    protected void handleListUserSessions(
            ServerRequest request, ServerResponse response, String id, Optional<String> correlationId) {
        Authenticated caller = authenticator.require(request);
        List<ActiveSession> listed = management.ofUser(caller, id, RequestAuthenticator.client(request));
        ListUserSessionsOp.Response200.builder().response(list(listed)).send(response);
    }

    @Override
    protected void handleRevokeUserSessions(
            ServerRequest request, ServerResponse response, String id, Optional<String> correlationId) {
        Authenticated caller = authenticator.require(request);
        long ended = management.endAllOfUser(caller, id, RequestAuthenticator.client(request));
        RevokeUserSessionsOp.Response200.builder().response(revoked(ended)).send(response);
    }

    private SessionListResponseDto list(List<ActiveSession> active) {
        return envelopes.success(
                SessionListResponseDto::new,
                "Sessions retrieved",
                active.stream().map(sessions::toDto).toList());
    }

    private SessionsRevokedResponseDto revoked(long ended) {
        String message = ended == 1 ? "1 session ended" : ended + " sessions ended";
        return envelopes.success(
                SessionsRevokedResponseDto::new, message, new SessionsRevokedDataDto(message, Math.toIntExact(ended)));
    }

    @Override
    public void afterStop() {
        // The generated default prints to stdout; shutdown is logged by the application.
    }
}
