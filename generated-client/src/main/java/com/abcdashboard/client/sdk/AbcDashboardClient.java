package com.abcdashboard.client.sdk;

import com.abcdashboard.client.ApiClient;
import com.abcdashboard.client.ApiException;
import java.net.URI;
import java.util.Objects;
import java.util.function.Function;

/**
 * The generated SDK, configured once: the service's base URI and a {@link TokenSource} whose token goes
 * on every request of every API this client creates ({@link #api}), read per request. {@link #call}
 * runs one API call, refreshes the token once and retries on 401, and turns every error into an
 * {@link ApiError} carrying the parsed envelope.
 *
 * <pre>{@code
 * AbcDashboardClient client = AbcDashboardClient.builder()
 *         .baseUri("https://api.example.com")
 *         .tokens(tokens)
 *         .build();
 * ProfileApi profile = client.api(ProfileApi::new);
 * AuthStatusResponseDto me = client.call(() -> profile.getMyProfile(null));
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

        private Builder() {}

        /** The service's origin (and a proxy's path prefix), without {@code /api/v1}. */
        public Builder baseUri(String baseUri) {
            this.baseUri = URI.create(Objects.requireNonNull(baseUri, "baseUri"));
            return this;
        }

        public Builder tokens(TokenSource tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            return this;
        }

        public AbcDashboardClient build() {
            ApiClient client = new ApiClient();
            client.updateBaseUri(baseUri.toString().replaceAll("/+$", ""));
            TokenSource source = tokens;
            // Set before any *Api exists: each generated *Api copies the interceptor when it is created.
            client.setRequestInterceptor(request -> {
                String token = source.accessToken();
                if (token != null && !token.isBlank()) {
                    request.setHeader("Authorization", "Bearer " + token);
                }
            });
            return new AbcDashboardClient(client, source);
        }
    }
}
