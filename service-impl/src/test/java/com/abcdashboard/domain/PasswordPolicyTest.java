package com.abcdashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.abcdashboard.domain.auth.PasswordPolicy;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static DomainException violation(String password) {
        FieldErrors errors = new FieldErrors();
        PasswordPolicy.check("password", password, errors);
        return catchThrowableOfType(DomainException.class, errors::throwIfAny);
    }

    @Test
    void acceptsAPasswordWithUpperLowerAndDigitOfEightCharacters() {
        assertThat(violation("Abcdefg1")).isNull();
    }

    @Test
    void namesEveryBrokenRuleInOneMessage() {
        DomainException e = violation("abc");

        assertThat(e.category()).isEqualTo(ErrorCategory.VALIDATION);
        assertThat(e.details().get("password"))
                .contains("at least 8 characters")
                .contains("upper-case letter")
                .contains("digit")
                .doesNotContain("lower-case");
    }

    @Test
    void rejectsPasswordsLongerThan128Characters() {
        assertThat(violation("Aa1" + "x".repeat(126)).details().get("password")).contains("at most 128");
    }

    @Test
    void aMissingPasswordIsRequiredNotWeak() {
        assertThat(violation(null).details()).containsEntry("password", "is required");
        assertThat(violation("  ").details()).containsEntry("password", "is required");
    }

    @Test
    void fieldErrorsWithoutProblemsDoNotThrow() {
        assertThatThrownBy(() -> new FieldErrors().add("x", "bad").throwIfAny()).isInstanceOf(DomainException.class);
        new FieldErrors().throwIfAny();
    }
}
