package com.abcdashboard.e2e;

import au.com.dius.pact.provider.junitsupport.State;
import java.util.Map;
import java.util.UUID;

/**
 * The provider states the consumers' pacts name, arranged through the service's own public API (register,
 * the mailed link, login, the admin's user management) — never by writing to the database. Each returns
 * the values the pact injects into its request ({@code ${accessToken}}, {@code ${userId}}, ...), so every
 * interaction runs on accounts of its own.
 */
public final class ProviderStates {

    @State("the service is up")
    public void serviceIsUp() {
        // Nothing to arrange: the suite's service is running.
    }

    @State("no account exists for the email")
    public Map<String, Object> newEmail() {
        return Map.of("email", Accounts.uniqueEmail());
    }

    @State("a verified account")
    public Map<String, Object> verifiedAccount() {
        Accounts.Account account = Accounts.verified();
        return Map.of("email", account.email(), "password", account.password());
    }

    @State("an account awaits email verification")
    public Map<String, Object> awaitingVerification() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.PASSWORD).then().statusCode(201);
        return Map.of("token", Mailbox.awaitMail(email, 1).token());
    }

    @State("a signed-in user")
    public Map<String, Object> signedInUser() {
        Accounts.Account account = Accounts.verified();
        Accounts.Session session = Accounts.signIn(account);
        return Map.of(
                "email", account.email(),
                "password", account.password(),
                "accessToken", session.accessToken(),
                "refreshToken", session.refreshToken());
    }

    @State("no session")
    public Map<String, Object> signedOutUser() {
        Accounts.Session session = Accounts.signIn(Accounts.verified());
        Accounts.logout(session).then().statusCode(200);
        // The access token is well-formed and unexpired, but its session has ended.
        return Map.of("accessToken", session.accessToken());
    }

    @State("a password reset was requested")
    public Map<String, Object> resetRequested() {
        Accounts.Account account = Accounts.verified();
        Accounts.forgotPassword(account.email()).then().statusCode(200);
        // Mail #1 was the verification link.
        return Map.of("token", Mailbox.awaitMail(account.email(), 2).token());
    }

    @State("an admin is signed in")
    public Map<String, Object> adminSignedIn() {
        return Map.of("accessToken", Team.signedIn("admin").accessToken());
    }

    @State("a staff member is signed in")
    public Map<String, Object> staffSignedIn() {
        return Map.of("accessToken", Team.signedIn("staff").accessToken());
    }

    @State("an admin is signed in and a staff member exists")
    public Map<String, Object> adminAndStaffMember() {
        return Map.of("accessToken", Team.signedIn("admin").accessToken(), "userId", Team.target("staff"));
    }

    @State("an admin is signed in and no account exists for the email")
    public Map<String, Object> adminAndNewEmail() {
        return Map.of(
                "accessToken",
                Team.signedIn("admin").accessToken(),
                "email",
                Accounts.uniqueEmail(),
                "username",
                uniqueUsername());
    }

    @State("a staff member is signed in and another staff member exists")
    public Map<String, Object> staffAndStaffMember() {
        return Map.of("accessToken", Team.signedIn("staff").accessToken(), "userId", Team.target("staff"));
    }

    /**
     * Arranged by {@link DashboardSignUpPactVerificationTest}'s own service, which runs with
     * {@code REQUIRE_EMAIL_VERIFICATION=false}: nothing to create, only fresh values.
     */
    @State("email verification is off and no account exists for the email")
    public Map<String, Object> signUpWithoutVerification() {
        return Map.of("email", Accounts.uniqueEmail(), "username", uniqueUsername());
    }

    private static String uniqueUsername() {
        return "u_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
