package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.abcdashboard.client.ApiClient;
import com.abcdashboard.client.ApiException;
import com.abcdashboard.client.api.AuthApi;
import com.abcdashboard.client.api.SessionsApi;
import com.abcdashboard.client.model.LoginRequestDto;
import com.abcdashboard.client.model.SessionInfoDto;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** "Sign me out of the laptop I left at work", as an integrator writes it with the generated Java SDK. */
@ExtendWith(RunningService.class)
class SdkSessionsE2ETest {
    private static final String LAPTOP =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0";
    private static final String PHONE =
            "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36";

    @Test
    void listTheSessionsEndTheLaptopsThenEveryOtherAndAnAdminEndsTheRest() throws Exception {
        Team.Member sam = Team.signedIn("staff");
        String laptop = signIn(sam, LAPTOP);
        String phone = signIn(sam, PHONE);

        List<SessionInfoDto> listed = sessions(phone).listMySessions(null).getData();
        SessionInfoDto current = listed.getFirst();
        SessionInfoDto theLaptop = listed.get(1);
        assertThat(current.getCurrent()).isTrue();
        assertThat(current.getDevice()).isEqualTo("Chrome Mobile 119 on Android 13 (Samsung SM-S911B)");
        assertThat(theLaptop.getDevice()).isEqualTo("Firefox 121 on Windows 10");
        assertThat(theLaptop.getCurrent()).isFalse();

        sessions(phone).revokeMySession(theLaptop.getId(), null);
        assertThat(catchThrowableOfType(
                                ApiException.class, () -> sessions(laptop).listMySessions(null))
                        .getCode())
                .isEqualTo(401);
        ApiException again = catchThrowableOfType(
                ApiException.class, () -> sessions(phone).revokeMySession(theLaptop.getId(), null));
        assertThat(again.getCode()).isEqualTo(404);
        assertThat(again.getResponseBody()).contains("\"category\":\"NOT_FOUND\"");

        // The member's own first sign-in is the one other session left.
        assertThat(sessions(phone).revokeMyOtherSessions(null).getData().getRevoked())
                .isEqualTo(1);
        assertThat(sessions(phone).listMySessions(null).getData())
                .extracting(SessionInfoDto::getId)
                .containsExactly(current.getId());

        String admin = Team.seededAdmin().accessToken();
        assertThat(sessions(admin).listUserSessions(sam.id(), null).getData()).hasSize(1);
        assertThat(sessions(admin).revokeUserSessions(sam.id(), null).getData().getRevoked())
                .isEqualTo(1);
        ApiException ended =
                catchThrowableOfType(ApiException.class, () -> sessions(phone).listMySessions(null));
        assertThat(ended.getCode()).isEqualTo(401);
    }

    private static String signIn(Team.Member member, String userAgent) throws ApiException {
        ApiClient client = client(null);
        client.setRequestInterceptor(request -> request.header("User-Agent", userAgent));
        return new AuthApi(client)
                .login(new LoginRequestDto().email(member.email()).password(Accounts.PASSWORD), null)
                .getData()
                .getTokens()
                .getAccessToken();
    }

    private static SessionsApi sessions(String bearer) {
        return new SessionsApi(client(bearer));
    }

    private static ApiClient client(String bearer) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(RunningService.baseUri().toString());
        if (bearer != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer));
        }
        return client;
    }
}
