package com.abcdashboard.e2e;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactBroker;
import au.com.dius.pact.provider.junitsupport.loader.PactBrokerAuth;
import au.com.dius.pact.provider.junitsupport.loader.PactBrokerConsumerVersionSelectors;
import au.com.dius.pact.provider.junitsupport.loader.SelectorBuilder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The consumers' pacts as published to a Pact Broker, when {@code PACT_BROKER_URL} is set (token in
 * {@code PACT_BROKER_TOKEN}): the main branch of each consumer and whatever is deployed or released.
 * Results go back to the broker with {@code -Dpact.verifier.publishResults=true -Dpact.provider.version=…}
 * (the CI job in {@code .github/workflows/ci.yml} does this); see docs/api-versioning.md.
 */
@Provider(PactVerification.PROVIDER)
@PactBroker(url = "${PACT_BROKER_URL}", authentication = @PactBrokerAuth(token = "${PACT_BROKER_TOKEN:}"))
@EnabledIfEnvironmentVariable(named = "PACT_BROKER_URL", matches = ".+")
class BrokerPactVerificationTest extends PactVerification {

    @PactBrokerConsumerVersionSelectors
    static SelectorBuilder consumerVersions() {
        return new SelectorBuilder().mainBranch().deployedOrReleased();
    }
}
