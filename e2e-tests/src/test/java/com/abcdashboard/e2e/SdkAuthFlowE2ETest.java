package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.abcdashboard.client.ApiClient;
import com.abcdashboard.client.ApiException;
import com.abcdashboard.client.api.AuthApi;
import com.abcdashboard.client.model.AuthStatusResponseDto;
import com.abcdashboard.client.model.LoginRequestDto;
import com.abcdashboard.client.model.LoginResponseDto;
import com.abcdashboard.client.model.RefreshRequestDto;
import com.abcdashboard.client.model.RegisterRequestDto;
import com.abcdashboard.client.model.RoleDto;
import com.abcdashboard.client.model.TokenRequestDto;
import com.abcdashboard.client.model.TokensResponseDto;
import com.abcdashboard.client.model.UserResponseDto;
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
        UserResponseDto registered = auth(null)
                .register(
                        new RegisterRequestDto()
                                .email(email)
                                .password(Accounts.PASSWORD)
                                .firstName("Sam")
                                .lastName("Sdk")
                                .username("sam_" + email.substring(5, 13).replace('-', '_')),
                        null);
        assertThat(registered.getData().getUser().getRole()).isEqualTo(RoleDto.STAFF);

        auth(null)
                .verifyEmail(
                        new TokenRequestDto().token(Mailbox.awaitMail(email, 1).token()), null);
        LoginResponseDto login =
                auth(null).login(new LoginRequestDto().email(email).password(Accounts.PASSWORD), null);
        String access = login.getData().getTokens().getAccessToken();

        AuthStatusResponseDto status = auth(access).getAuthStatus(null);
        assertThat(status.getData().getUser().getEmail()).isEqualTo(email);

        TokensResponseDto refreshed = auth(null)
                .refreshTokens(
                        null,
                        new RefreshRequestDto()
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
