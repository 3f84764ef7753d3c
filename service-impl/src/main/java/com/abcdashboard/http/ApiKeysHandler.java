package com.abcdashboard.http;

import com.abcdashboard.api.model.ApiKeyListResponseDto;
import com.abcdashboard.api.model.CreateApiKeyRequestDto;
import com.abcdashboard.api.model.CreatedApiKeyResponseDto;
import com.abcdashboard.domain.apikey.ApiKeys;
import com.abcdashboard.domain.apikey.IssuedApiKey;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.mapping.ApiKeyMapper;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * Implements the generated {@link ApiKeysService}: creating, listing and revoking API keys. Only a
 * person's session manages keys ({@link RequestAuthenticator}): a key cannot mint or revoke keys.
 */
public final class ApiKeysHandler extends ApiKeysService {
    private final ApiKeys keys;
    private final RequestAuthenticator authenticator;
    private final Envelopes envelopes;
    private final ApiKeyMapper mapper = ApiKeyMapper.INSTANCE;

    public ApiKeysHandler(ApiKeys keys, RequestAuthenticator authenticator, Envelopes envelopes) {
        this.keys = keys;
        this.authenticator = authenticator;
        this.envelopes = envelopes;
    }

    @Override
    protected void handleCreateApiKey(
            ServerRequest request,
            ServerResponse response,
            CreateApiKeyRequestDto body,
            Optional<String> correlationId) {
        User caller = authenticator.require(request).user();
        IssuedApiKey issued = keys.create(caller, mapper.toNewApiKey(body), RequestAuthenticator.client(request));
        CreateApiKeyOp.Response201.builder()
                .response(envelopes.success(CreatedApiKeyResponseDto::new, "API key created", mapper.toDto(issued)))
                .send(response);
    }

    /**
     * Parses {@code page} and {@code limit} with {@link QueryParameters} instead of the generated code,
     * whose {@code validateMin} treats the spec's inclusive minimum as exclusive (see {@link AuditHandler}).
     */
    @Override
    protected void listApiKeys(ServerRequest request, ServerResponse response) {
        User caller = authenticator.require(request).user();
        QueryParameters parameters = new QueryParameters(request);
        ListApiKeysOp.Response200.builder()
                .response(envelopes.page(
                        ApiKeyListResponseDto::new,
                        "API keys retrieved",
                        keys.list(caller, parameters.page()),
                        mapper::toDto))
                .send(response);
    }

    /** Not reached: {@link #listApiKeys} parses the query itself; the generated class declares this. */
    @Override
    protected void handleListApiKeys(
            ServerRequest request,
            ServerResponse response,
            Optional<String> correlationId,
            Optional<Integer> page,
            Optional<Integer> limit) {
        throw new UnsupportedOperationException("listApiKeys parses its own parameters");
    }

    @Override
    protected void handleRevokeApiKey(
            ServerRequest request, ServerResponse response, String id, Optional<String> correlationId) {
        User caller = authenticator.require(request).user();
        keys.revoke(caller, id, RequestAuthenticator.client(request));
        RevokeApiKeyOp.Response200.builder()
                .response(envelopes.message("API key revoked"))
                .send(response);
    }

    @Override
    public void afterStop() {
        // The generated default prints to stdout; shutdown is logged by the application.
    }
}
