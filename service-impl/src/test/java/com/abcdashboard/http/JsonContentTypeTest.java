package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonContentTypeTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "Application/JSON",
                "application/json; charset=utf-8",
                "application/json;charset=\"UTF-8\""
            })
    void jsonIsJson(String contentType) {
        assertThat(JsonContentType.isJson(contentType)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "text/plain",
                "application/json-patch+json",
                "application/merge-patch+json",
                "text/json",
                "application/json; charset=utf-16",
                "application/json; charset=",
                "application/json;;;",
                "application/json, text/html",
                "*/*",
                "application/vnd.api+json",
                "application/x-www-form-urlencoded"
            })
    void anythingElseIsNot(String contentType) {
        assertThat(JsonContentType.isJson(contentType)).isFalse();
    }
}
