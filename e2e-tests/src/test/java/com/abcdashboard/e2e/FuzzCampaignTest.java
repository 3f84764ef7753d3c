package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.e2e.SpecOperations.SpecOperation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fuzz campaign: malformed and hostile requests generated from the spec for every operation (see
 * {@link FuzzGenerator}), sent over raw sockets to the running service. Every answer must be an answer,
 * below 500, free of internals, conforming to the spec, with the error envelope on every error (see
 * {@link CampaignOracle}); afterwards the stored data must be as it was (see {@link StoredState}).
 *
 * <p>{@code ./mvnw verify} runs {@value #DEFAULT_REQUESTS} requests; the full campaign is {@code ./mvnw
 * verify -pl e2e-tests -am -Dtest=FuzzCampaignTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfuzz.requests=10000} (or {@code FUZZ_REQUESTS}). The seed is printed and fixed unless {@code
 * -Dfuzz.seed} (or {@code FUZZ_SEED}) says otherwise; the summary goes to {@code
 * target/fuzz-campaign/summary.md}.
 */
@ExtendWith(RunningService.class)
class FuzzCampaignTest {
    private static final Logger LOG = LoggerFactory.getLogger(FuzzCampaignTest.class);
    static final int DEFAULT_REQUESTS = 1_500;
    private static final long DEFAULT_SEED = 20_261_125L;

    @Test
    void hostileRequestsGetNoServerErrorNoInternalsAlwaysTheEnvelopeAndChangeNothing() {
        int count = setting("fuzz.requests", "FUZZ_REQUESTS", Integer::parseInt, DEFAULT_REQUESTS);
        long seed = setting("fuzz.seed", "FUZZ_SEED", Long::parseLong, DEFAULT_SEED);
        LOG.info("Fuzz campaign: {} requests, seed {} (-Dfuzz.requests, -Dfuzz.seed to change)", count, seed);

        Team.Member admin = Team.seededAdmin();
        Team.Member staff = Team.signedIn("staff");
        String target = Team.target("staff");
        String revoked = signedOutAccessToken();
        List<SpecOperation> operations = SpecOperations.read(RunningService.specFile());
        List<String> auditActions = auditActions(operations);
        StoredState before = StoredState.read(admin.bearer(), auditActions);

        ForgedTokens forged = ForgedTokens.from(
                admin.accessToken(),
                Team.setting("JWT_SECRET"),
                Team.setting("JWT_ISSUER"),
                Team.setting("JWT_AUDIENCE"));
        FuzzGenerator.Identities identities = new FuzzGenerator.Identities(
                "Authorization: " + admin.bearer(),
                "Authorization: " + staff.bearer(),
                target,
                forged.headers(revoked));
        List<WireRequest> requests = new FuzzGenerator(operations, identities, seed, bodyLimit()).generate(count);

        CampaignReport report = run(requests, seed);

        assertThat(report.violations())
                .as(report.violatingRequests() + " of " + report.requests()
                        + " requests broke a rule; see target/fuzz-campaign/summary.md")
                .isEmpty();
        StoredState after = StoredState.read(admin.bearer(), auditActions);
        assertThat(after.users()).as("every user, every field").isEqualTo(before.users());
        assertThat(after.stats()).isEqualTo(before.stats());
        assertThat(after.apiKeys()).as("every API key, every field").isEqualTo(before.apiKeys());
        assertThat(after.mailsSent()).as("mail sent").isEqualTo(before.mailsSent());
        // Each refused sign-in is audited (that is the audit log's job); nothing else may be but the below.
        Map<String, Long> expectedAudit = new java.util.LinkedHashMap<>(before.auditEntries());
        expectedAudit.merge("login_failure", (long) report.count("login", 401), Long::sum);
        // So is every look at another user's sessions (the campaign's admin at its target user).
        expectedAudit.merge("sessions_viewed", (long) report.count("listUserSessions", 200), Long::sum);
        assertThat(after.auditEntries()).isEqualTo(expectedAudit);
        // The campaign's sessions survived, and no password it offered was set.
        Accounts.status(admin.accessToken()).then().statusCode(200);
        Accounts.status(staff.accessToken()).then().statusCode(200);
        Accounts.login(staff.email(), FuzzGenerator.OFFERED_PASSWORD).then().statusCode(401);
        Accounts.login(staff.email(), Accounts.PASSWORD).then().statusCode(200);
        report.note(after.users().size() + " users unchanged in every field; statistics unchanged; " + after.mailsSent()
                + " mails sent before and after");
        report.note("audit log: " + report.count("login", 401)
                + " new login_failure entries, one per refused sign-in; no other entry");
        report.note("the campaign's admin and staff sessions still valid; the offered password "
                + FuzzGenerator.OFFERED_PASSWORD + " does not sign in");
        report.write(summaryFile());
    }

    private static CampaignReport run(List<WireRequest> requests, long seed) {
        CampaignOracle oracle = new CampaignOracle(new ContractConformance(RunningService.specFile()));
        RawHttp http = new RawHttp(RunningService.baseUri());
        CampaignReport report = new CampaignReport(seed);
        Instant start = Instant.now();
        for (WireRequest request : requests) {
            RawHttp.Answer answer = http.send(request);
            report.record(request, answer, oracle.problems(request, answer));
        }
        report.finished(Duration.between(start, Instant.now()));
        report.write(summaryFile());
        LOG.info("Fuzz campaign done; summary in {}:\n{}", summaryFile(), report.markdown());
        return report;
    }

    private static Path summaryFile() {
        return Path.of(System.getProperty("build.dir", "target"), "fuzz-campaign", "summary.md");
    }

    /** A token whose session was signed out: well-formed, signed, unexpired, and refused. */
    private static String signedOutAccessToken() {
        Team.Member leaving = Team.signedIn("staff");
        Api.given()
                .header("Authorization", leaving.bearer())
                .post("/api/v1/auth/logout")
                .then()
                .statusCode(200);
        return leaving.accessToken();
    }

    private static List<String> auditActions(List<SpecOperation> operations) {
        return operations.stream()
                .filter(o -> o.id().equals("listAuditLogs"))
                .flatMap(o -> o.query().stream())
                .filter(p -> p.name().equals("action"))
                .findFirst()
                .orElseThrow()
                .allowed();
    }

    private static int bodyLimit() {
        long limit = RunningService.target()
                .inProcess()
                .map(app -> app.config().server().maxRequestBodyBytes())
                .orElse(AppConfig.Server.DEFAULT_MAX_REQUEST_BODY);
        return Math.toIntExact(limit);
    }

    private static <T> T setting(String property, String variable, Function<String, T> parse, T fallback) {
        return Optional.ofNullable(System.getProperty(property))
                .or(() -> Optional.ofNullable(System.getenv(variable)))
                .filter(v -> !v.isBlank())
                .map(parse)
                .orElse(fallback);
    }
}
