package com.abcdashboard.http;

import com.abcdashboard.api.model.AuthStatusData;
import com.abcdashboard.api.model.AuthStatusResponse;
import com.abcdashboard.api.model.AuthTokens;
import com.abcdashboard.api.model.ChangePasswordRequest;
import com.abcdashboard.api.model.EmailRequest;
import com.abcdashboard.api.model.LoginData;
import com.abcdashboard.api.model.LoginRequest;
import com.abcdashboard.api.model.LoginResponse;
import com.abcdashboard.api.model.MessageData;
import com.abcdashboard.api.model.MessageResponse;
import com.abcdashboard.api.model.RefreshRequest;
import com.abcdashboard.api.model.RegisterRequest;
import com.abcdashboard.api.model.ResetPasswordRequest;
import com.abcdashboard.api.model.TokenRequest;
import com.abcdashboard.api.model.TokensData;
import com.abcdashboard.api.model.TokensResponse;
import com.abcdashboard.api.model.UpdateProfileRequest;
import com.abcdashboard.api.model.UserData;
import com.abcdashboard.api.model.UserResponse;
import com.abcdashboard.api.model.VerifyEmailData;
import com.abcdashboard.api.model.VerifyEmailResponse;
import com.abcdashboard.domain.auth.Authenticated;
import com.abcdashboard.domain.auth.PasswordManagement;
import com.abcdashboard.domain.auth.Registration;
import com.abcdashboard.domain.auth.SessionService;
import com.abcdashboard.domain.auth.SessionTokens;
import com.abcdashboard.domain.auth.SignIn;
import com.abcdashboard.domain.user.ProfileService;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.mapping.UserMapper;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    private final Clock clock;
    private final UserMapper users = UserMapper.INSTANCE;

    public AuthHandler(
            Registration registration,
            SignIn signIn,
            SessionService sessions,
            PasswordManagement passwords,
            ProfileService profiles,
            RequestAuthenticator authenticator,
            AuthCookies cookies,
            Clock clock) {
        this.registration = registration;
        this.signIn = signIn;
        this.sessions = sessions;
        this.passwords = passwords;
        this.profiles = profiles;
        this.authenticator = authenticator;
        this.cookies = cookies;
        this.clock = clock;
    }

    @Override
    protected void handleRegister(
            ServerRequest request, ServerResponse response, RegisterRequest body, Optional<String> correlationId) {
        Registration.Result result = registration.register(
                new Registration.Command(
                        body.getEmail(),
                        body.getPassword(),
                        body.getFirstName(),
                        body.getLastName(),
                        body.getUsername(),
                        body.getRole()),
                RequestAuthenticator.client(request));
        result.tokens().ifPresent(tokens -> cookies.set(response, tokens));
        String message = result.tokens().isPresent()
                ? "Registration successful. You are signed in."
                : "Registration successful. Please check your email to verify your account.";
        UserData data = new UserData(
                users.toDto(result.user()),
                result.tokens().map(AuthHandler::tokens).orElse(null));
        RegisterOp.Response201.builder()
                .response(new UserResponse(true, message, now(), data))
                .send(response);
    }

    @Override
    protected void handleVerifyEmail(
            ServerRequest request, ServerResponse response, TokenRequest body, Optional<String> correlationId) {
        User user = registration.verifyEmail(body.getToken());
        String message = "Email verified. You can now sign in.";
        VerifyEmailData data = new VerifyEmailData(users.toVerifiedDto(user), message);
        VerifyEmailResponse envelope = new VerifyEmailResponse(true, message, now(), data);
        VerifyEmailOp.Response200.builder().response(envelope).send(response);
    }

    @Override
    protected void handleResendVerification(
            ServerRequest request, ServerResponse response, EmailRequest body, Optional<String> correlationId) {
        registration.resendVerification(body.getEmail());
        ResendVerificationOp.Response200.builder()
                .response(messageResponse(NEUTRAL_EMAIL_MESSAGE))
                .send(response);
    }

    @Override
    protected void handleLogin(
            ServerRequest request, ServerResponse response, LoginRequest body, Optional<String> correlationId) {
        SignIn.Result result = signIn.login(body.getEmail(), body.getPassword(), RequestAuthenticator.client(request));
        cookies.set(response, result.tokens());
        LoginData data =
                new LoginData(users.toDto(result.user()), tokens(result.tokens()), result.requiresPasswordChange());
        LoginResponse envelope = new LoginResponse(true, "Login successful", now(), data);
        LoginOp.Response200.builder().response(envelope).send(response);
    }

    @Override
    protected void handleGetAuthStatus(ServerRequest request, ServerResponse response, Optional<String> correlationId) {
        Authenticated caller = authenticator.require(request);
        GetAuthStatusOp.Response200.builder()
                .response(statusResponse("Authenticated", caller.user()))
                .send(response);
    }

    @Override
    protected void handleRefreshTokens(
            ServerRequest request,
            ServerResponse response,
            Optional<String> correlationId,
            Optional<RefreshRequest> body) {
        String presented = refreshToken(request, body).orElse(null);
        SessionTokens rotated = sessions.refresh(presented);
        cookies.set(response, rotated);
        TokensData data = new TokensData(tokens(rotated));
        TokensResponse envelope = new TokensResponse(true, "Tokens refreshed", now(), data);
        RefreshTokensOp.Response200.builder().response(envelope).send(response);
    }

    @Override
    protected void handleLogout(
            ServerRequest request,
            ServerResponse response,
            Optional<String> correlationId,
            Optional<RefreshRequest> body) {
        sessions.logout(refreshToken(request, body), authenticator.optional(request));
        cookies.clear(response);
        LogoutOp.Response200.builder().response(messageResponse("Signed out")).send(response);
    }

    @Override
    protected void handleChangePassword(
            ServerRequest request,
            ServerResponse response,
            ChangePasswordRequest body,
            Optional<String> correlationId) {
        Authenticated caller = authenticator.require(request);
        passwords.change(
                caller, body.getCurrentPassword(), body.getNewPassword(), RequestAuthenticator.client(request));
        ChangePasswordOp.Response200.builder()
                .response(messageResponse("Password changed. Other sessions were signed out."))
                .send(response);
    }

    @Override
    protected void handleForgotPassword(
            ServerRequest request, ServerResponse response, EmailRequest body, Optional<String> correlationId) {
        passwords.forgot(body.getEmail());
        ForgotPasswordOp.Response200.builder()
                .response(messageResponse(NEUTRAL_EMAIL_MESSAGE))
                .send(response);
    }

    @Override
    protected void handleResetPassword(
            ServerRequest request, ServerResponse response, ResetPasswordRequest body, Optional<String> correlationId) {
        passwords.reset(body.getToken(), body.getPassword(), RequestAuthenticator.client(request));
        ResetPasswordOp.Response200.builder()
                .response(messageResponse("Password reset. Please sign in with your new password."))
                .send(response);
    }

    @Override
    protected void handleGetProfile(ServerRequest request, ServerResponse response, Optional<String> correlationId) {
        GetProfileOp.Response200.builder().response(profile(request)).send(response);
    }

    @Override
    protected void handleUpdateProfile(
            ServerRequest request, ServerResponse response, UpdateProfileRequest body, Optional<String> correlationId) {
        UpdateProfileOp.Response200.builder()
                .response(updatedProfile(request, body))
                .send(response);
    }

    @Override
    protected void handlePatchProfile(
            ServerRequest request, ServerResponse response, UpdateProfileRequest body, Optional<String> correlationId) {
        PatchProfileOp.Response200.builder()
                .response(updatedProfile(request, body))
                .send(response);
    }

    /** The signed-in user's profile; also answers {@code GET /api/v1/profile} ({@link ProfileHandler}). */
    AuthStatusResponse profile(ServerRequest request) {
        Authenticated caller = authenticator.require(request);
        return statusResponse("Profile", caller.user());
    }

    /** Applies a profile change; also answers {@code PUT/PATCH /api/v1/profile} ({@link ProfileHandler}). */
    UserResponse updatedProfile(ServerRequest request, UpdateProfileRequest body) {
        Authenticated caller = authenticator.require(request);
        return userResponse("Profile updated", profiles.update(caller.user(), users.toProfileChanges(body)));
    }

    /** The generated reader fails on a JSON {@code null} body (what SDKs send for "no body"). */
    @Override
    protected LogoutOp createLogoutOp() {
        return new LogoutOp() {
            @Override
            protected Optional<RefreshRequest> refreshRequest(
                    ServerRequest request, ValidatorUtils.Validator validator) {
                return optionalRefreshBody(request);
            }
        };
    }

    @Override
    protected RefreshTokensOp createRefreshTokensOp() {
        return new RefreshTokensOp() {
            @Override
            protected Optional<RefreshRequest> refreshRequest(
                    ServerRequest request, ValidatorUtils.Validator validator) {
                return optionalRefreshBody(request);
            }
        };
    }

    private static Optional<RefreshRequest> optionalRefreshBody(ServerRequest request) {
        return request.content().hasEntity()
                ? Optional.ofNullable(request.content().as(RefreshRequest.class))
                : Optional.empty();
    }

    @Override
    public void afterStop() {
        // The generated default prints to stdout; shutdown is logged by the application.
    }

    /** The body's refresh token, else the cookie's. */
    private static Optional<String> refreshToken(ServerRequest request, Optional<RefreshRequest> body) {
        return body.map(RefreshRequest::getRefreshToken)
                .filter(t -> !t.isBlank())
                .or(() -> AuthCookies.read(request, AuthCookies.REFRESH));
    }

    private UserResponse userResponse(String message, User user) {
        return new UserResponse(true, message, now(), new UserData(users.toDto(user), null));
    }

    private AuthStatusResponse statusResponse(String message, User user) {
        return new AuthStatusResponse(true, message, now(), new AuthStatusData(true, users.toDto(user)));
    }

    private MessageResponse messageResponse(String message) {
        return new MessageResponse(true, message, now(), new MessageData(message));
    }

    private static AuthTokens tokens(SessionTokens tokens) {
        return new AuthTokens(tokens.accessToken(), tokens.refreshToken(), tokens.expiresInSeconds());
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
