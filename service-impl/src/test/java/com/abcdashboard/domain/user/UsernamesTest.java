package com.abcdashboard.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsernamesTest {

    @ParameterizedTest(name = "name \"{0}\", email {1} → {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "Jane Doe                              | jane@example.com      | jane_doe",
                "Zoë  O'Brien-Núñez                    | zoe@example.com       | zoe_o_brien_nunez",
                "Administrator                         | admin@example.com     | administrator",
                "Bartholomew Maximilian Featherstonehaugh | b@example.com      | bartholomew_maximilian_f",
                "J                                     | jane.doe@example.com  | jane_doe",
                "null                                  | sam.staff@example.com | sam_staff",
                "李                                    | x@example.com         | user",
            })
    void theCandidateComesFromTheNameElseTheEmailsLocalPart(String name, String email, String expected) {
        assertThat(Usernames.base(name, email)).isEqualTo(expected).matches("^[a-z0-9_]{3,24}$");
    }

    @ParameterizedTest
    @CsvSource({"jane_doe", "bartholomew_maximilian_f"})
    void aSuffixedCandidateIsStillAValidUsername(String base) {
        assertThat(Usernames.withSuffix(base)).startsWith(base + "_").matches("^[A-Za-z0-9_]{3,30}$");
    }
}
