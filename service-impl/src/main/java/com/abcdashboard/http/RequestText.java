package com.abcdashboard.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Set;

/**
 * How every text field of a request body is read: only from a JSON string (a number or boolean is not
 * turned into text), and only if it holds no character that has no business in stored, displayed text —
 * control characters (C0, DEL, C1; tab and line feed are allowed in the multi-line {@link #MULTI_LINE}
 * fields), bidirectional controls (which reorder what an admin sees: {@code U+202E} makes "gnp.exe" of
 * "exe.png") and unpaired surrogates (no valid UTF-8 at all once stored). A refusal names the field.
 *
 * <p>Passwords are exempt: they are hashed, never shown, and refusing a character a user already chose
 * would lock the account. v1's released schemas cannot state these rules as patterns (the
 * breaking-change gate refuses tighter request schemas), so they are described only (docs/security.md).
 */
public final class RequestText extends StdScalarDeserializer<String> implements ContextualDeserializer {
    /** Free-text fields that may span lines. */
    static final Set<String> MULTI_LINE = Set.of("bio");
    /** Secrets taken as given. */
    static final Set<String> PASSWORDS = Set.of("password", "currentPassword", "newPassword");

    static final String REFUSAL = "must not contain control characters, bidirectional controls or unpaired surrogates";

    private final boolean multiLine;
    private final boolean checked;

    private RequestText(boolean multiLine, boolean checked) {
        super(String.class);
        this.multiLine = multiLine;
        this.checked = checked;
    }

    /** The Jackson module that installs it for every {@code String} of a request body. */
    public static SimpleModule module() {
        return new SimpleModule("RequestText").addDeserializer(String.class, new RequestText(false, true));
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        if (property == null) {
            return this;
        }
        String name = property.getName();
        return new RequestText(MULTI_LINE.contains(name), !PASSWORDS.contains(name));
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }
        String text = p.getText();
        if (checked && !isClean(text, multiLine)) {
            throw new UnsafeTextException(p);
        }
        return text;
    }

    static boolean isClean(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c) || isBidiControl(c)) {
                return false;
            }
            if (Character.isISOControl(c) && !(multiLine && (c == '\t' || c == '\n'))) {
                return false;
            }
        }
        return true;
    }

    /** The explicit directional formatting characters (Unicode's Bidi_Control property). */
    private static boolean isBidiControl(char c) {
        return c == '\u061C'
                || c == '\u200E'
                || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** A text field holding a character {@link RequestText} refuses; Jackson adds the field's path. */
    static final class UnsafeTextException extends JsonMappingException {
        UnsafeTextException(JsonParser p) {
            super(p, REFUSAL);
        }
    }
}
