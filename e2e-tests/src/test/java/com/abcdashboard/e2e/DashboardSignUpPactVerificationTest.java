package com.abcdashboard.e2e;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.abcdashboard.app.Application;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The dashboard's sign-up as the baseline frontend does it (it reads {@code data.tokens} from the
 * registration's answer), against a second in-process service started with
 * {@code REQUIRE_EMAIL_VERIFICATION=false}: registration then signs the new user in. The suite's own
 * service keeps the default ({@code true}). Skipped when the suite targets an external instance.
 */
@Provider(PactVerification.PROVIDER)
@PactFolder("${pacts.dir}")
@PactFilter("email verification is off.*")
class DashboardSignUpPactVerificationTest extends PactVerification {
    private static Application service;

    @BeforeAll
    static void startAServiceWithoutEmailVerification() {
        Assumptions.assumeTrue(RunningService.target().inProcess().isPresent(), "needs the in-process service");
        service = RunningService.startAnother(Map.of("REQUIRE_EMAIL_VERIFICATION", "false"));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Override
    URI serviceUri() {
        return URI.create("http://127.0.0.1:" + service.port());
    }
}
