package com.abcdashboard.e2e;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/**
 * The dashboard frontend's pacts ({@code e2e-tests/pacts/}, one per frontend version, written from the
 * frontend's code by {@code dashboard-pacts.py}): every call the dashboard makes, with matchers on the
 * fields it reads, must be honoured by this build of the service. The sign-up that needs
 * {@code REQUIRE_EMAIL_VERIFICATION=false} is verified by {@link DashboardSignUpPactVerificationTest}.
 */
@Provider(PactVerification.PROVIDER)
@PactFolder("${pacts.dir}")
@PactFilter("^(?!email verification is off).*")
class DashboardPactVerificationTest extends PactVerification {}
