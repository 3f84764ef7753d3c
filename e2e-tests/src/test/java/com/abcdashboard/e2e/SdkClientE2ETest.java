package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.abcdashboard.client.api.ApiKeysApi;
import com.abcdashboard.client.api.AuditApi;
import com.abcdashboard.client.api.AuthApi;
import com.abcdashboard.client.api.ProfileApi;
import com.abcdashboard.client.api.UsersApi;
import com.abcdashboard.client.model.ApiKeyScopeDto;
import com.abcdashboard.client.model.CreateApiKeyRequestDto;
import com.abcdashboard.client.model.CreatedApiKeyDto;
import com.abcdashboard.client.model.ErrorCategoryDto;
import com.abcdashboard.client.model.RefreshRequestDto;
import com.abcdashboard.client.model.RegisterRequestDto;
import com.abcdashboard.client.sdk.AbcDashboardClient;
import com.abcdashboard.client.sdk.ApiError;
import com.abcdashboard.client.sdk.TokenSource;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The hand-written layer of the Java SDK: a token (or an API key) on every API, refresh once on 401, typed errors. */
@ExtendWith(RunningService.class)
class SdkClientE2ETest {

    /** Holds the session's tokens; refresh() rotates them with AuthApi.refreshTokens, as a newcomer would. */
    private static final class SessionTokens implements TokenSource {
        final AtomicReference<String> access = new AtomicReference<>();
        final AtomicReference<String> refresh = new AtomicReference<>();
        final AtomicInteger refreshes = new AtomicInteger();
        private final AuthApi auth = AbcDashboardClient.builder()
                .baseUri(RunningService.baseUri().toString())
                .build()
                .api(AuthApi::new);

        @Override
        public String accessToken() {
            return access.get();
        }

        @Override
        public boolean refresh() {
            refreshes.incrementAndGet();
            try {
                var tokens = auth.refreshTokens(null, new RefreshRequestDto().refreshToken(refresh.get()))
                        .getData()
                        .getTokens();
                access.set(tokens.getAccessToken());
                refresh.set(tokens.getRefreshToken());
                return true;
            } catch (com.abcdashboard.client.ApiException e) {
                return false;
            }
        }
    }

    private static AbcDashboardClient client(TokenSource tokens) {
        return AbcDashboardClient.builder()
                .baseUri(RunningService.baseUri().toString())
                .tokens(tokens)
                .build();
    }

    @Test
    void aTokenObtainedAfterTheApiWasCreatedIsSent() {
        SessionTokens tokens = new SessionTokens();
        AbcDashboardClient client = client(tokens);
        ProfileApi profile = client.api(ProfileApi::new);
        Accounts.Account account = Accounts.verified();

        tokens.access.set(Accounts.signIn(account).accessToken());

        assertThat(client.call(() -> profile.getMyProfile(null))
                        .getData()
                        .getUser()
                        .getEmail())
                .isEqualTo(account.email());
    }

    @Test
    void aRejectedAccessTokenIsRefreshedOnceAndTheCallRetried() {
        Accounts.Session session = Accounts.signIn(Accounts.verified());
        SessionTokens tokens = new SessionTokens();
        tokens.access.set("not-a-valid-access-token");
        tokens.refresh.set(session.refreshToken());
        AbcDashboardClient client = client(tokens);

        var me = client.call(() -> client.api(ProfileApi::new).getMyProfile(null));

        assertThat(me.getData().getIsAuthenticated()).isTrue();
        assertThat(tokens.refreshes).hasValue(1);
        assertThat(tokens.refresh.get()).isNotEqualTo(session.refreshToken());
    }

    @Test
    void aSecond401IsThrownAsATypedErrorWithoutAnotherRefresh() {
        SessionTokens tokens = new SessionTokens();
        tokens.access.set("not-a-valid-access-token");
        tokens.refresh.set("not-a-valid-refresh-token");
        AbcDashboardClient client = client(tokens);

        ApiError error = catchThrowableOfType(
                ApiError.class,
                () -> client.call(() -> client.api(ProfileApi::new).getMyProfile(null)));

        assertThat(tokens.refreshes).hasValue(1);
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.code()).isEqualTo(401);
        assertThat(error.category()).contains(ErrorCategoryDto.AUTHENTICATION);
        assertThat(error.correlationId()).get().asString().isNotBlank();
    }

    @Test
    void anIntegrationCallsTheApiWithAKeyItWasGivenUntilTheKeyIsRevoked() {
        Team.Member admin = Team.signedIn("admin");
        AbcDashboardClient signedIn = client(TokenSource.of(admin.accessToken()));
        ApiKeysApi keys = signedIn.api(ApiKeysApi::new);
        CreatedApiKeyDto created = signedIn.call(() -> keys.createApiKey(
                        new CreateApiKeyRequestDto()
                                .name("SDK integration")
                                .scopes(new java.util.LinkedHashSet<>(java.util.List.of(ApiKeyScopeDto.USERS_READ))),
                        null))
                .getData();

        AbcDashboardClient integration = AbcDashboardClient.builder()
                .baseUri(RunningService.baseUri().toString())
                .apiKey(created.getKey())
                .build();
        UsersApi users = integration.api(UsersApi::new);
        var page = integration.call(
                () -> users.listUsers(null, 1, 5, null, null, null, null, null, null, null, null, null, null));
        assertThat(page.getMeta().getPagination().getTotal()).isPositive();
        ApiError outOfScope = catchThrowableOfType(
                ApiError.class,
                () -> integration.call(() ->
                        integration.api(AuditApi::new).listAuditLogs(null, null, null, null, null, null, null, null)));
        assertThat(outOfScope.status()).isEqualTo(403);

        signedIn.call(() -> keys.revokeApiKey(created.getId(), null));

        ApiError revoked = catchThrowableOfType(
                ApiError.class,
                () -> integration.call(
                        () -> users.listUsers(null, 1, 5, null, null, null, null, null, null, null, null, null, null)));
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.category()).contains(ErrorCategoryDto.AUTHENTICATION);
    }

    @Test
    void aClientHasEitherTokensOrAnApiKey() {
        AbcDashboardClient.Builder both =
                AbcDashboardClient.builder().tokens(TokenSource.of("token")).apiKey("abc_aaaaaaaa_" + "A".repeat(43));

        assertThat(catchThrowableOfType(IllegalStateException.class, both::build))
                .isNotNull();
    }

    @Test
    void aValidationErrorCarriesTheParsedEnvelope() {
        AbcDashboardClient client = client(TokenSource.of(null));
        AuthApi auth = client.api(AuthApi::new);

        ApiError error = catchThrowableOfType(
                ApiError.class,
                () -> client.call(() -> auth.register(
                        new RegisterRequestDto()
                                .email("not-an-email")
                                .password(Accounts.PASSWORD)
                                .firstName("Val")
                                .lastName("Idation")
                                .username("val_idation"),
                        null)));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.category()).contains(ErrorCategoryDto.VALIDATION);
        assertThat(error.details()).containsKey("email");
        assertThat(error.getMessage())
                .contains("VALIDATION")
                .contains(error.correlationId().orElseThrow());
    }
}
