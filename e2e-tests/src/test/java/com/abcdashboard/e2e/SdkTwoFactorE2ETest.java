package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.abcdashboard.client.ApiClient;
import com.abcdashboard.client.ApiException;
import com.abcdashboard.client.api.AuthApi;
import com.abcdashboard.client.api.TwoFactorApi;
import com.abcdashboard.client.model.DisableTotpRequestDto;
import com.abcdashboard.client.model.LoginDataDto;
import com.abcdashboard.client.model.LoginRequestDto;
import com.abcdashboard.client.model.MfaVerifyRequestDto;
import com.abcdashboard.client.model.RecoveryCodesResponseDto;
import com.abcdashboard.client.model.TotpCodeRequestDto;
import com.abcdashboard.client.model.TotpEnrollmentDto;
import com.abcdashboard.testsupport.AuthenticatorApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two-factor sign-in through the generated Java SDK: enrol, confirm with a code computed from the returned
 * secret, and sign in in two steps — the SDK reads the login's 202 answer into the same {@code LoginDataDto}
 * ({@code mfaRequired}, {@code mfaToken}) — then turn it off.
 */
@ExtendWith(RunningService.class)
class SdkTwoFactorE2ETest {

    private static ApiClient client(String bearer) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(RunningService.baseUri().toString());
        if (bearer != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer));
        }
        return client;
    }

    private static String code(String secret) {
        return AuthenticatorApp.code(secret, RunningService.target().clock().instant());
    }

    @Test
    void enrolAndSignInWithACodeFromTheReturnedSecret() throws Exception {
        Accounts.Account account = Accounts.verified();
        LoginRequestDto credentials =
                new LoginRequestDto().email(account.email()).password(account.password());
        String access = new AuthApi(client(null))
                .login(credentials, null)
                .getData()
                .getTokens()
                .getAccessToken();
        TwoFactorApi mine = new TwoFactorApi(client(access));

        TotpEnrollmentDto enrollment = mine.enrollTotp(null).getData();
        RecoveryCodesResponseDto confirmed =
                mine.confirmTotp(new TotpCodeRequestDto().code(code(enrollment.getSecret())), null);
        assertThat(confirmed.getData().getRecoveryCodes()).hasSize(10);
        RunningService.target().clock().advance(Duration.ofSeconds(30));

        LoginDataDto challenge =
                new AuthApi(client(null)).login(credentials, null).getData();
        assertThat(challenge.getMfaRequired()).isTrue();
        assertThat(challenge.getTokens()).isNull();
        LoginDataDto signedIn = new TwoFactorApi(client(null))
                .verifyMfa(
                        new MfaVerifyRequestDto()
                                .mfaToken(challenge.getMfaToken())
                                .code(code(enrollment.getSecret())),
                        null)
                .getData();
        assertThat(signedIn.getUser().getMfaEnabled()).isTrue();
        String second = signedIn.getTokens().getAccessToken();
        assertThat(new AuthApi(client(second))
                        .getProfile(null)
                        .getData()
                        .getUser()
                        .getEmail())
                .isEqualTo(account.email());

        ApiException replayed = catchThrowableOfType(
                ApiException.class,
                () -> new TwoFactorApi(client(null))
                        .verifyMfa(
                                new MfaVerifyRequestDto()
                                        .mfaToken(new AuthApi(client(null))
                                                .login(credentials, null)
                                                .getData()
                                                .getMfaToken())
                                        .code(code(enrollment.getSecret())),
                                null));
        assertThat(replayed.getCode()).isEqualTo(401);

        RunningService.target().clock().advance(Duration.ofSeconds(30));
        new TwoFactorApi(client(second))
                .disableTotp(
                        new DisableTotpRequestDto().password(account.password()).code(code(enrollment.getSecret())),
                        null);
        assertThat(new AuthApi(client(null)).login(credentials, null).getData().getTokens())
                .isNotNull();
    }
}
