package com.abcdashboard.e2e;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import java.net.MalformedURLException;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays every interaction of a consumer's pact against the running service, after arranging the
 * interaction's provider state with {@link ProviderStates}. The subclasses say where the pacts come from.
 */
@ExtendWith(RunningService.class)
abstract class PactVerification {
    static final String PROVIDER = "abc-dashboard-api";

    @BeforeEach
    void pointAtTheService(PactVerificationContext context) throws MalformedURLException {
        context.setTarget(HttpTestTarget.fromUrl(serviceUri().toURL()));
        context.withStateChangeHandlers(new ProviderStates());
    }

    /** The service the interactions are replayed against: the suite's own, unless a subclass starts another. */
    URI serviceUri() {
        return RunningService.baseUri();
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void honoursTheInteraction(PactVerificationContext context) {
        context.verifyInteraction();
    }
}
