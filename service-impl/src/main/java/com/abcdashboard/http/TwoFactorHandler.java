package com.abcdashboard.http;

import com.abcdashboard.api.model.DisableTotpRequestDto;
import com.abcdashboard.api.model.MfaVerifyRequestDto;
import com.abcdashboard.api.model.RecoveryCodesDto;
import com.abcdashboard.api.model.RecoveryCodesResponseDto;
import com.abcdashboard.api.model.TotpCodeRequestDto;
import com.abcdashboard.api.model.TotpEnrollmentDto;
import com.abcdashboard.api.model.TotpEnrollmentResponseDto;
import com.abcdashboard.domain.auth.Authenticated;
import com.abcdashboard.domain.auth.MfaSignIn;
import com.abcdashboard.domain.auth.SignIn;
import com.abcdashboard.domain.auth.TotpEnrolment;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;

/**
 * Implements the generated {@link TwoFactorService} (registered under {@code /api/v1}, the common prefix of
 * its paths): enrolment and confirmation — open to a caller who still must enrol —, the second step of a
 * sign-in, disabling, and the admins' reset.
 */
public final class TwoFactorHandler extends TwoFactorService {
    private final TotpEnrolment enrolment;
    private final MfaSignIn mfaSignIn;
    private final RequestAuthenticator authenticator;
    private final AuthHandler auth;
    private final Envelopes envelopes;

    public TwoFactorHandler(
            TotpEnrolment enrolment,
            MfaSignIn mfaSignIn,
            RequestAuthenticator authenticator,
            AuthHandler auth,
            Envelopes envelopes) {
        this.enrolment = enrolment;
        this.mfaSignIn = mfaSignIn;
        this.authenticator = authenticator;
        this.auth = auth;
        this.envelopes = envelopes;
    }

    @Override
    protected void handleEnrollTotp(ServerRequest request, ServerResponse response, Optional<String> correlationId) {
        Authenticated caller = authenticator.requireAllowingEnrolment(request);
        TotpEnrolment.Enrollment enrollment = enrolment.enroll(caller);
        TotpEnrollmentDto data =
                new TotpEnrollmentDto(enrollment.secret(), enrollment.keyUri(), QrCodeSvg.of(enrollment.keyUri()));
        EnrollTotpOp.Response200.builder()
                .response(envelopes.success(
                        TotpEnrollmentResponseDto::new,
                        "Scan the QR code, then confirm with a code from the app",
                        data))
                .send(response);
    }

    @Override
    protected void handleConfirmTotp(
            ServerRequest request, ServerResponse response, TotpCodeRequestDto body, Optional<String> correlationId) {
        Authenticated caller = authenticator.requireAllowingEnrolment(request);
        List<String> codes = enrolment.confirm(caller, body.getCode(), RequestAuthenticator.client(request));
        ConfirmTotpOp.Response200.builder()
                .response(envelopes.success(
                        RecoveryCodesResponseDto::new,
                        "Two-factor sign-in is on. Keep these recovery codes somewhere safe.",
                        new RecoveryCodesDto(codes)))
                .send(response);
    }

    @Override
    protected void handleVerifyMfa(
            ServerRequest request, ServerResponse response, MfaVerifyRequestDto body, Optional<String> correlationId) {
        SignIn.Result result =
                mfaSignIn.verify(body.getMfaToken(), body.getCode(), RequestAuthenticator.client(request));
        VerifyMfaOp.Response200.builder()
                .response(auth.signedIn(response, result, "Login successful"))
                .send(response);
    }

    @Override
    protected void handleDisableTotp(
            ServerRequest request,
            ServerResponse response,
            DisableTotpRequestDto body,
            Optional<String> correlationId) {
        Authenticated caller = authenticator.require(request);
        enrolment.disable(caller, body.getPassword(), body.getCode(), RequestAuthenticator.client(request));
        DisableTotpOp.Response200.builder()
                .response(envelopes.message("Two-factor sign-in is off"))
                .send(response);
    }

    @Override
    protected void handleResetUserMfa(
            ServerRequest request, ServerResponse response, String id, Optional<String> correlationId) {
        Authenticated caller = authenticator.require(request);
        enrolment.reset(caller, id, RequestAuthenticator.client(request));
        ResetUserMfaOp.Response200.builder()
                .response(envelopes.message("Two-factor sign-in was reset"))
                .send(response);
    }

    @Override
    public void afterStop() {
        // The generated default prints to stdout; shutdown is logged by the application.
    }
}
