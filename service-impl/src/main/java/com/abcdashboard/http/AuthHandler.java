package com.abcdashboard.http;

import com.abcdashboard.api.model.AuthStatusDataDto;
import com.abcdashboard.api.model.AuthStatusResponseDto;
import com.abcdashboard.api.model.ChangePasswordRequestDto;
import com.abcdashboard.api.model.EmailRequestDto;
import com.abcdashboard.api.model.LoginDataDto;
import com.abcdashboard.api.model.LoginRequestDto;
import com.abcdashboard.api.model.LoginResponseDto;
import com.abcdashboard.api.model.MfaChallengeDto;
import com.abcdashboard.api.model.MfaChallengeResponseDto;
import com.abcdashboard.api.model.RefreshRequestDto;
import com.abcdashboard.api.model.RegisterRequestDto;
import com.abcdashboard.api.model.ResetPasswordRequestDto;
import com.abcdashboard.api.model.TokenRequestDto;
import com.abcdashboard.api.model.TokensDataDto;
import com.abcdashboard.api.model.TokensResponseDto;
import com.abcdashboard.api.model.UpdateProfileRequestDto;
import com.abcdashboard.api.model.UserDataDto;
import com.abcdashboard.api.model.UserResponseDto;
import com.abcdashboard.api.model.VerifyEmailDataDto;
import com.abcdashboard.api.model.VerifyEmailResponseDto;
import com.abcdashboard.domain.auth.Authenticated;
import com.abcdashboard.domain.auth.PasswordManagement;
import com.abcdashboard.domain.auth.Registration;
import com.abcdashboard.domain.auth.SessionService;
import com.abcdashboard.domain.auth.SessionTokens;
import com.abcdashboard.domain.auth.SignIn;
import com.abcdashboard.domain.user.NewAccount;
import com.abcdashboard.domain.user.ProfileService;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.mapping.SessionMapper;
import com.abcdashboard.mapping.UserMapper;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/** Implements the generated {@link AuthService}: maps DTOs to the auth use cases and back. */
public final class AuthHandler extends AuthService {
    static final String NEUTRAL_EMAIL_MESSAGE = "If an account exists for this address, an email is on its way.";

    private final Registration registration;
    private final SignIn signIn;
    private final SessionService sessions;
    private final PasswordManagement passwords;
    private final ProfileService profiles;
    private final RequestAuthenticator authenticator;
    private final AuthCookies cookies;
    private final Envelopes envelopes;
    private final UserMapper users = UserMapper.INSTANCE;
    private final SessionMapper sessionTokens = SessionMapper.INSTANCE;

    public AuthHandler(
            Registration registration,
            SignIn signIn,
            SessionService sessions,
            PasswordManagement passwords,
            ProfileService profiles,
            RequestAuthenticator authenticator,
            AuthCookies cookies,
            Envelopes envelopes) {
        this.registration = registration;
        this.signIn = signIn;
        this.sessions = sessions;
        this.passwords = passwords;
        this.profiles = profiles;
        this.authenticator = authenticator;
        this.cookies = cookies;
        this.envelopes = envelopes;
    }

    @Override
    protected void handleRegister(
            ServerRequest request, ServerResponse response, RegisterRequestDto body, Optional<String> correlationId) {
        Registration.Result result = registration.register(
                NewAccount.registration(
                        body.getEmail(),
                        body.getPassword(),
                        body.getFirstName(),
                        body.getLastName(),
                        body.getUsername(),
                        Registration.requestedRole(body.getRole())),
                RequestAuthenticator.client(request));
        result.tokens().ifPresent(tokens -> cookies.set(response, tokens));
        String message = result.tokens().isPresent()
                ? "Registration successful. You are signed in."
                : "Registration successful. Please check your email to verify your account.";
        UserDataDto data = new UserDataDto(
                users.toDto(result.user()),
                result.tokens().map(sessionTokens::toDto).orElse(null));
        RegisterOp.Response201.builder()
                .response(envelopes.success(UserResponseDto::new, message, data))
                .send(response);
    }

    @Override
    protected void handleVerifyEmail(
            ServerRequest request, ServerResponse response, TokenRequestDto body, Optional<String> correlationId) {
        User user = registration.verifyEmail(body.getToken());
        String message = "Email verified. You can now sign in.";
        VerifyEmailDataDto data = new VerifyEmailDataDto(users.toVerifiedDto(user), message);
        VerifyEmailOp.Response200.builder()
                .response(envelopes.success(VerifyEmailResponseDto::new, message, data))
                .send(response);
    }

    @Override
    protected void handleResendVerification(
            ServerRequest request, ServerResponse response, EmailRequestDto body, Optional<String> correlationId) {
        registration.resendVerification(body.getEmail());
        ResendVerificationOp.Response200.builder()
                .response(envelopes.message(NEUTRAL_EMAIL_MESSAGE))
                .send(response);
    }

    @Override
    protected void handleLogin(
            ServerRequest request, ServerResponse response, LoginRequestDto body, Optional<String> correlationId) {
        SignIn.Result result = signIn.login(body.getEmail(), body.getPassword(), RequestAuthenticator.client(request));
        if (result.mfaRequired()) {
            MfaChallengeDto challenge = new MfaChallengeDto(
                    true,
                    result.challenge().mfaToken(),
                    result.challenge().expiresIn().toSeconds());
            LoginOp.Response202.builder()
                    .response(envelopes.success(
                            MfaChallengeResponseDto::new, "Enter a code from your authenticator app", challenge))
                    .send(response);
            return;
        }
        LoginOp.Response200.builder()
                .response(signedIn(response, result, "Login successful"))
                .send(response);
    }

    /**
     * The answer of a completed sign-in (also the second factor's, {@link TwoFactorHandler}): the auth
     * cookies, and the user and tokens in the envelope.
     */
    LoginResponseDto signedIn(ServerResponse response, SignIn.Result result, String message) {
        cookies.set(response, result.tokens());
        LoginDataDto data = new LoginDataDto(
                users.toDto(result.user()),
                sessionTokens.toDto(result.tokens()),
                result.requiresPasswordChange(),
                // Only when it is true: every other sign-in answers exactly as before.
                result.mfaEnrollmentRequired() ? Boolean.TRUE : null,
                null,
                null,
                null);
        return envelopes.success(LoginResponseDto::new, message, data);
    }

    @Override
    protected void handleGetAuthStatus(ServerRequest request, ServerResponse response, Optional<String> correlationId) {
        Authenticated caller = authenticator.requireAllowingEnrolment(request);
        GetAuthStatusOp.Response200.builder()
                .response(statusResponse("Authenticated", caller.user()))
                .send(response);
    }

    @Override
    protected void handleRefreshTokens(
            ServerRequest request,
            ServerResponse response,
            Optional<String> correlationId,
            Optional<RefreshRequestDto> body) {
        String presented = refreshToken(request, body).orElse(null);
        SessionTokens rotated = sessions.refresh(presented);
        cookies.set(response, rotated);
        RefreshTokensOp.Response200.builder()
                .response(envelopes.success(
                        TokensResponseDto::new, "Tokens refreshed", new TokensDataDto(sessionTokens.toDto(rotated))))
                .send(response);
    }

    @Override
    protected void handleLogout(
            ServerRequest request,
            ServerResponse response,
            Optional<String> correlationId,
            Optional<RefreshRequestDto> body) {
        sessions.logout(refreshToken(request, body), authenticator.optional(request));
        cookies.clear(response);
        LogoutOp.Response200.builder().response(envelopes.message("Signed out")).send(response);
    }

    @Override
    protected void handleChangePassword(
            ServerRequest request,
            ServerResponse response,
            ChangePasswordRequestDto body,
            Optional<String> correlationId) {
        Authenticated caller = authenticator.require(request);
        passwords.change(
                caller, body.getCurrentPassword(), body.getNewPassword(), RequestAuthenticator.client(request));
        ChangePasswordOp.Response200.builder()
                .response(envelopes.message("Password changed. Other sessions were signed out."))
                .send(response);
    }

    @Override
    protected void handleForgotPassword(
            ServerRequest request, ServerResponse response, EmailRequestDto body, Optional<String> correlationId) {
        passwords.forgot(body.getEmail());
        ForgotPasswordOp.Response200.builder()
                .response(envelopes.message(NEUTRAL_EMAIL_MESSAGE))
                .send(response);
    }

    @Override
    protected void handleResetPassword(
            ServerRequest request,
            ServerResponse response,
            ResetPasswordRequestDto body,
            Optional<String> correlationId) {
        passwords.reset(body.getToken(), body.getPassword(), RequestAuthenticator.client(request));
        ResetPasswordOp.Response200.builder()
                .response(envelopes.message("Password reset. Please sign in with your new password."))
                .send(response);
    }

    @Override
    protected void handleGetProfile(ServerRequest request, ServerResponse response, Optional<String> correlationId) {
        GetProfileOp.Response200.builder().response(profile(request)).send(response);
    }

    @Override
    protected void handleUpdateProfile(
            ServerRequest request,
            ServerResponse response,
            UpdateProfileRequestDto body,
            Optional<String> correlationId) {
        UpdateProfileOp.Response200.builder()
                .response(updatedProfile(request, body))
                .send(response);
    }

    @Override
    protected void handlePatchProfile(
            ServerRequest request,
            ServerResponse response,
            UpdateProfileRequestDto body,
            Optional<String> correlationId) {
        PatchProfileOp.Response200.builder()
                .response(updatedProfile(request, body))
                .send(response);
    }

    /** The signed-in user's profile; also answers {@code GET /api/v1/profile} ({@link ProfileHandler}). */
    AuthStatusResponseDto profile(ServerRequest request) {
        Authenticated caller = authenticator.requireAllowingEnrolment(request);
        return statusResponse("Profile", caller.user());
    }

    /** Applies a profile change; also answers {@code PUT/PATCH /api/v1/profile} ({@link ProfileHandler}). */
    UserResponseDto updatedProfile(ServerRequest request, UpdateProfileRequestDto body) {
        Authenticated caller = authenticator.require(request);
        User updated = profiles.update(caller.user(), users.toProfileChanges(body));
        return envelopes.success(UserResponseDto::new, "Profile updated", users.toData(updated));
    }

    /** The generated reader fails on a JSON {@code null} body (what SDKs send for "no body"). */
    @Override
    protected LogoutOp createLogoutOp() {
        return new LogoutOp() {
            @Override
            protected Optional<RefreshRequestDto> refreshRequestDto(
                    ServerRequest request, ValidatorUtils.Validator validator) {
                return optionalRefreshBody(request);
            }
        };
    }

    @Override
    protected RefreshTokensOp createRefreshTokensOp() {
        return new RefreshTokensOp() {
            @Override
            protected Optional<RefreshRequestDto> refreshRequestDto(
                    ServerRequest request, ValidatorUtils.Validator validator) {
                return optionalRefreshBody(request);
            }
        };
    }

    private static Optional<RefreshRequestDto> optionalRefreshBody(ServerRequest request) {
        return request.content().hasEntity()
                ? Optional.ofNullable(request.content().as(RefreshRequestDto.class))
                : Optional.empty();
    }

    @Override
    public void afterStop() {
        // The generated default prints to stdout; shutdown is logged by the application.
    }

    /** The body's refresh token, else the cookie's. */
    private static Optional<String> refreshToken(ServerRequest request, Optional<RefreshRequestDto> body) {
        return body.map(RefreshRequestDto::getRefreshToken)
                .filter(t -> !t.isBlank())
                .or(() -> AuthCookies.read(request, AuthCookies.REFRESH));
    }

    private AuthStatusResponseDto statusResponse(String message, User user) {
        return envelopes.success(AuthStatusResponseDto::new, message, new AuthStatusDataDto(true, users.toDto(user)));
    }
}
