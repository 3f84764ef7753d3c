package com.abcdashboard.client.sdk;

import com.abcdashboard.client.ApiClient;
import com.abcdashboard.client.ApiException;
import com.abcdashboard.client.api.AuthApi;
import com.abcdashboard.client.api.HealthApi;
import com.abcdashboard.client.api.ProfileApi;
import com.abcdashboard.client.api.UsersApi;
import com.abcdashboard.client.model.AuthStatusResponseDto;
import com.abcdashboard.client.model.AuthTokensDto;
import com.abcdashboard.client.model.HealthReportDto;
import com.abcdashboard.client.model.RefreshRequestDto;
import com.abcdashboard.client.model.UserListResponseDto;

/**
 * The Java examples of generated-client/README.md, compiled by the build: every line of the README's
 * java blocks must appear here, in order ({@link ReadmeExamplesTest}). Not run: they need a service.
 */
@SuppressWarnings("unused")
final class ReadmeExamples {
    private ReadmeExamples() {}

    static void quickStart(AuthApi auth) {
        TokenSource tokens = new TokenSource() {
            private volatile String access;
            private volatile String refresh;

            @Override
            public String accessToken() {
                return access;
            }

            @Override
            public boolean refresh() { // called once after a 401; true = retry the request
                try {
                    AuthTokensDto fresh = auth.refreshTokens(null, new RefreshRequestDto().refreshToken(refresh))
                            .getData()
                            .getTokens();
                    access = fresh.getAccessToken();
                    refresh = fresh.getRefreshToken(); // the old one stops working
                    return true;
                } catch (ApiException e) {
                    return false;
                }
            }
        };

        AbcDashboardClient client = AbcDashboardClient.builder()
                .baseUri("http://localhost:5000") // the server's origin, without /api/v1
                .tokens(tokens)
                .build();
        ProfileApi profile = client.api(ProfileApi::new); // every API made by the client sends the current token

        try {
            AuthStatusResponseDto me = client.call(() -> profile.getMyProfile(null));
            System.out.println(me.getData().getUser().getEmail());
        } catch (ApiError e) {
            // e.status(), e.category() (VALIDATION, AUTHENTICATION, ...), e.details() per field,
            // e.correlationId() to quote when reporting it
            System.err.println(
                    e.status() + " " + e.category().orElse(null) + " " + e.details() + " " + e.correlationId());
        }
    }

    static void apiKeys() {
        AbcDashboardClient integration = AbcDashboardClient.builder()
                .baseUri("https://api.example.com")
                .apiKey(System.getenv("ABC_API_KEY"))
                .build();
        UsersApi users = integration.api(UsersApi::new);
        UserListResponseDto page = integration.call(
                () -> users.listUsers(null, 1, 50, null, null, null, null, null, null, null, null, null, null));
    }

    static void generatedApi() throws ApiException {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:5000"); // the server's origin, without /api/v1

        HealthApi health = new HealthApi(client);
        HealthReportDto report = health.getHealth(null); // the argument is the optional X-Correlation-ID
        System.out.println(report.getStatus() + " " + report.getDatabase().getResponseTime() + " ms");

        try {
            health.getReadiness("my-trace-id-1");
        } catch (ApiException e) {
            // Non-2xx answers throw: e.getCode() is the status, e.getResponseBody() the error envelope JSON.
            System.err.println(e.getCode() + " " + e.getResponseBody());
        }
    }
}
