package com.abcdashboard.e2e;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.junit.jupiter.api.Order;

/**
 * The Java SDK's pact, written by {@link SdkConsumerPactTest} earlier in this run (under {@code
 * target/pacts}): what the SDK sends and decodes must be what the service does.
 */
@Order(Integer.MAX_VALUE - 1)
@Provider(PactVerification.PROVIDER)
@PactFolder("${pact.rootDir}")
class SdkPactVerificationTest extends PactVerification {}
