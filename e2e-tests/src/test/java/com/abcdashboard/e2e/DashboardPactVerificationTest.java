package com.abcdashboard.e2e;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/**
 * The dashboard frontend's pact ({@code e2e-tests/pacts/}, the file its team publishes): every call the
 * dashboard makes, with matchers on the fields it reads, must be honoured by this build of the service.
 */
@Provider(PactVerification.PROVIDER)
@PactFolder("${pacts.dir}")
class DashboardPactVerificationTest extends PactVerification {}
