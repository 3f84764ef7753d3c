package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTextTest {
    record Profile(String firstName, String bio, String password) {}

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(RequestText.module());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Ja\\u0000ne",
                "\\u0001",
                "a\\u0007b",
                "\\u001b[31m",
                "a\\rb",
                "a\\tb",
                "a\\nb",
                "a\\u007fb",
                "a\\u0085b",
                "\\u202Egnp.exe",
                "a\\u2066b",
                "a\\u200Eb",
                "a\\u200Fb",
                "a\\u061Cb",
                "\\ud800",
                "a\\udc00",
                "a\\ud83d",
                "\\udfff\\ud800"
            })
    void aOneLineTextFieldRefusesControlBidiAndUnpairedSurrogateCharactersNamingTheField(String escaped) {
        assertThatThrownBy(() -> json.readValue("{\"firstName\":\"" + escaped + "\"}", Profile.class))
                .isInstanceOf(RequestText.UnsafeTextException.class)
                .satisfies(e -> assertThat(((RequestText.UnsafeTextException) e)
                                .getPath()
                                .getFirst()
                                .getFieldName())
                        .isEqualTo("firstName"));
    }

    @Test
    void theBioMaySpanLinesAndHoldTabsButNothingElseOfTheSort() throws Exception {
        assertThat(json.readValue("{\"bio\":\"Ops lead\\n\\tnorth\"}", Profile.class)
                        .bio())
                .isEqualTo("Ops lead\n\tnorth");
        assertThatThrownBy(() -> json.readValue("{\"bio\":\"a\\rb\"}", Profile.class))
                .isInstanceOf(RequestText.UnsafeTextException.class);
    }

    @Test
    void ordinaryTextEmojiAndOtherScriptsAreKept() throws Exception {
        String text = "J\u00e9r\u00f4me \uD83D\uDE00 \u0645\u0631\u062D\u0628\u0627 \u0130stanbul \u200D";
        assertThat(json.readValue("{\"firstName\":" + json.writeValueAsString(text) + "}", Profile.class)
                        .firstName())
                .isEqualTo(text);
    }

    @Test
    void passwordsAreTakenAsGiven() throws Exception {
        assertThat(json.readValue("{\"password\":\"a\\u0000b\"}", Profile.class).password())
                .isEqualTo("a\u0000b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "1.5", "true", "[]", "{}"})
    void onlyAJsonStringIsText(String value) {
        assertThatThrownBy(() -> json.readValue("{\"firstName\":" + value + "}", Profile.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
