package com.abcdashboard.domain.mail;

import java.util.Map;

/**
 * An email to send, by template. {@code variables} fill the template (e.g. {@code name}, {@code link});
 * they may hold one-time links, so an EmailMessage is never logged whole.
 */
public record EmailMessage(String to, Template template, Map<String, String> variables) {
    public enum Template {
        /** variables: name, link, expiresInHours */
        VERIFY_EMAIL,
        /** variables: name, link, expiresInMinutes */
        PASSWORD_RESET,
        /** variables: name */
        PASSWORD_CHANGED,
        /** variables: name, link, expiresInHours — admin-created account, choose a password */
        WELCOME_SET_PASSWORD,
        /** variables: name, device, ipAddress, time — a sign-in from a device not seen before */
        NEW_DEVICE_SIGN_IN
    }

    public EmailMessage {
        variables = Map.copyOf(variables);
    }

    @Override
    public String toString() {
        return "EmailMessage[template=" + template + "]";
    }
}
