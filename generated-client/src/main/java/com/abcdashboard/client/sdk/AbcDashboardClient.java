package com.abcdashboard.client.sdk;

import com.abcdashboard.client.ApiClient;
import com.abcdashboard.client.ApiException;
import java.net.URI;
import java.util.Objects;
import java.util.function.Function;

/**
 * The generated SDK, configured once: the service's base URI and either a {@link TokenSource} whose token
 * goes on every request of every API this client creates ({@link #api}), read per request, or an API key
 * ({@link Builder#apiKey}), sent as {@code X-API-Key} for server-to-server integrations. {@link #call}
 * runs one API call, refreshes the token once and retries on 401 (never for an API key), and turns every
 * error into an {@link ApiError} carrying the parsed envelope.
 *
 * <pre>{@code
 * AbcDashboardClient client = AbcDashboardClient.builder()
 *         .baseUri("https://api.example.com")
 *         .tokens(tokens)
 *         .build();
 * ProfileApi profile = client.api(ProfileApi::new);
 * AuthStatusResponseDto me = client.call(() -> profile.getMyProfile(null));
 *
 * AbcDashboardClient integration = AbcDashboardClient.builder()
 *         .baseUri("https://api.example.com")
 *         .apiKey(System.getenv("ABC_API_KEY"))
 *         .build();
 * UserListResponseDto users = integration.call(() -> integration.api(UsersApi::new).listUsers(...));
 * }</pre>
 */
public final class AbcDashboardClient {
    private final ApiClient apiClient;
    private final TokenSource tokens;

    private AbcDashboardClient(ApiClient apiClient, TokenSource tokens) {
        this.apiClient = apiClient;
        this.tokens = tokens;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An API of the generated SDK bound to this client, e.g. {@code client.api(UsersApi::new)}. */
    public <T> T api(Function<ApiClient, T> constructor) {
        return constructor.apply(apiClient);
    }

    /**
     * Runs the call; on 401 asks the token source to refresh once and, when it did, runs it again.
     *
     * @throws ApiError for any non-2xx answer (after the one retry) or failed request
     */
    public <T> T call(ApiCall<T> call) {
        try {
            return call.call();
        } catch (ApiException first) {
            if (first.getCode() != 401 || !tokens.refresh()) {
                throw ApiError.from(first, apiClient.getObjectMapper());
            }
        }
        try {
            return call.call();
        } catch (ApiException second) {
            throw ApiError.from(second, apiClient.getObjectMapper());
        }
    }

    /** The configured generated client, for what this layer does not cover. */
    public ApiClient apiClient() {
        return apiClient;
    }

    public static final class Builder {
        private URI baseUri = URI.create("http://localhost:5000");
        private TokenSource tokens = () -> null;
        private boolean tokensSet;
        private String apiKey;

        private Builder() {}

        /** The service's origin (and a proxy's path prefix), without {@code /api/v1}. */
        public Builder baseUri(String baseUri) {
            this.baseUri = URI.create(Objects.requireNonNull(baseUri, "baseUri"));
            return this;
        }

        public Builder tokens(TokenSource tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            this.tokensSet = true;
            return this;
        }

        /**
         * An API key ({@code abc_…}, from {@code POST /api/v1/api-keys}) sent as {@code X-API-Key} on every
         * request, instead of a person's tokens: the operations whose spec lists {@code apiKeyAuth} accept
         * it, within its scopes. A client has either tokens or a key, not both (the service refuses two
         * credentials).
         */
        public Builder apiKey(String apiKey) {
            Objects.requireNonNull(apiKey, "apiKey");
            if (apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey is blank");
            }
            this.apiKey = apiKey.trim();
            return this;
        }

        public AbcDashboardClient build() {
            if (apiKey != null && tokensSet) {
                throw new IllegalStateException("Configure either tokens(...) or apiKey(...), not both");
            }
            ApiClient client = new ApiClient();
            client.updateBaseUri(baseUri.toString().replaceAll("/+$", ""));
            TokenSource source = tokens;
            String key = apiKey;
            // Set before any *Api exists: each generated *Api copies the interceptor when it is created.
            client.setRequestInterceptor(request -> {
                if (key != null) {
                    request.setHeader("X-API-Key", key);
                    return;
                }
                String token = source.accessToken();
                if (token != null && !token.isBlank()) {
                    request.setHeader("Authorization", "Bearer " + token);
                }
            });
            return new AbcDashboardClient(client, source);
        }
    }
}
