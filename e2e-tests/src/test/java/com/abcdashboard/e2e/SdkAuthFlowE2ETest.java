package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.abcdashboard.client.ApiClient;
import com.abcdashboard.client.ApiException;
import com.abcdashboard.client.api.AuthApi;
import com.abcdashboard.client.model.AuthStatusResponse;
import com.abcdashboard.client.model.LoginRequest;
import com.abcdashboard.client.model.LoginResponse;
import com.abcdashboard.client.model.RefreshRequest;
import com.abcdashboard.client.model.RegisterRequest;
import com.abcdashboard.client.model.Role;
import com.abcdashboard.client.model.TokenRequest;
import com.abcdashboard.client.model.TokensResponse;
import com.abcdashboard.client.model.UserResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A whole account life through the generated Java SDK, as an integrator would write it. */
@ExtendWith(RunningService.class)
class SdkAuthFlowE2ETest {

    private static AuthApi auth(String bearer) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(RunningService.baseUri().toString());
        if (bearer != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer));
        }
        return new AuthApi(client);
    }

    @Test
    void registerVerifySignInRefreshAndSignOutWithTheSdk() throws Exception {
        String email = Accounts.uniqueEmail();
        UserResponse registered = auth(null)
                .register(
                        new RegisterRequest()
                                .email(email)
                                .password(Accounts.PASSWORD)
                                .firstName("Sam")
                                .lastName("Sdk")
                                .username("sam_" + email.substring(5, 13).replace('-', '_')),
                        null);
        assertThat(registered.getData().getUser().getRole()).isEqualTo(Role.STAFF);

        auth(null)
                .verifyEmail(
                        new TokenRequest().token(Mailbox.awaitMail(email, 1).token()), null);
        LoginResponse login = auth(null).login(new LoginRequest().email(email).password(Accounts.PASSWORD), null);
        String access = login.getData().getTokens().getAccessToken();

        AuthStatusResponse status = auth(access).getAuthStatus(null);
        assertThat(status.getData().getUser().getEmail()).isEqualTo(email);

        TokensResponse refreshed = auth(null)
                .refreshTokens(
                        null,
                        new RefreshRequest()
                                .refreshToken(login.getData().getTokens().getRefreshToken()));
        assertThat(refreshed.getData().getTokens().getRefreshToken())
                .isNotEqualTo(login.getData().getTokens().getRefreshToken());

        auth(refreshed.getData().getTokens().getAccessToken()).logout(null, null);
        ApiException signedOut =
                catchThrowableOfType(ApiException.class, () -> auth(access).getAuthStatus(null));
        assertThat(signedOut.getCode()).isEqualTo(401);
        assertThat(signedOut.getResponseBody()).contains("\"category\":\"AUTHENTICATION\"");
    }
}
