package com.abcdashboard.app;

import com.abcdashboard.http.JsonProvider;
import com.abcdashboard.http.RequestText;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/** The JSON mapping of every request and response body: the generated one, without nulls, strict types. */
final class StrictJson {
    private StrictJson() {}

    static ObjectMapper objectMapper() {
        ObjectMapper mapper = JsonProvider.objectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                // Clients may send fields the spec does not know (a form's confirmPassword): ignored,
                // never stored, as the previous backend did. Type errors in known fields still fail.
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                // "{...} xyz" and two documents in one body are refused, not read as the first.
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
                // Text fields: strings only, without control, bidi or unpaired surrogate characters.
                .registerModule(RequestText.module());
        // JSON types are strict: "false" is no boolean, "5" no number, 1 no text (RequestText).
        fail(
                mapper,
                LogicalType.Boolean,
                CoercionInputShape.String,
                CoercionInputShape.EmptyString,
                CoercionInputShape.Integer,
                CoercionInputShape.Float);
        fail(
                mapper,
                LogicalType.Integer,
                CoercionInputShape.String,
                CoercionInputShape.EmptyString,
                CoercionInputShape.Float);
        fail(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.EmptyString);
        // A date-time is a date-time: "" or a blank string ("\u0000" trims to nothing) is no absent value.
        fail(mapper, LogicalType.DateTime, CoercionInputShape.EmptyString);
        mapper.coercionConfigFor(LogicalType.DateTime).setAcceptBlankAsEmpty(false);
        return mapper;
    }

    private static void fail(ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
