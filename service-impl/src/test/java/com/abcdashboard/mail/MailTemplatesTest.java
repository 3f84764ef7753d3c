package com.abcdashboard.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.domain.mail.EmailMessage.Template;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailTemplatesTest {
    private static final String LINK = "https://app.example.com/reset-password?token=abc123&x=1";
    private static final Map<String, String> VARIABLES = Map.of(
            "name",
            "Jane",
            "link",
            LINK,
            "expiresInHours",
            "24",
            "expiresInMinutes",
            "10",
            "device",
            "Firefox 121 on <Windows> 10",
            "ipAddress",
            "203.0.113.9",
            "time",
            "2026-12-01T10:00:00Z");

    private final MailTemplates templates = new MailTemplates();

    @ParameterizedTest
    @EnumSource(Template.class)
    void everyTemplateRendersABrandedSubjectTextAndHtmlGreetingTheRecipient(Template template) {
        MailTemplates.Rendered mail = templates.render(template, VARIABLES);

        assertThat(mail.subject()).isNotBlank().doesNotContain("{{");
        assertThat(mail.text())
                .startsWith("Hello Jane,")
                .contains("ABC Dashboard")
                .doesNotContain("{{");
        assertThat(mail.html())
                .startsWith("<!doctype html>")
                .contains(">ABC Dashboard<", "<p>Hello Jane,</p>")
                .doesNotContain("{{");
    }

    @ParameterizedTest
    @EnumSource(
            value = Template.class,
            names = {"VERIFY_EMAIL", "PASSWORD_RESET", "WELCOME_SET_PASSWORD"})
    void aTemplateWithALinkShowsItAsAButtonAndAsARawUrlAndStatesTheExpiry(Template template) {
        MailTemplates.Rendered mail = templates.render(template, VARIABLES);
        String escaped = "https://app.example.com/reset-password?token=abc123&amp;x=1";

        assertThat(mail.text()).contains(LINK).containsPattern("expires in (24 hours|10 minutes)");
        assertThat(mail.html())
                .containsPattern("<a href=\"" + escaped.replace("?", "\\?") + "\" style=\"display:inline-block")
                .contains(">" + escaped + "</a>")
                .containsPattern("expires in (24 hours|10 minutes)");
    }

    @Test
    void eachTemplateHasItsOwnSubject() {
        assertThat(templates.render(Template.VERIFY_EMAIL, VARIABLES).subject()).isEqualTo("Verify your email address");
        assertThat(templates.render(Template.PASSWORD_RESET, VARIABLES).subject())
                .isEqualTo("Reset your password");
        assertThat(templates.render(Template.PASSWORD_CHANGED, VARIABLES).subject())
                .isEqualTo("Your password was changed");
        assertThat(templates.render(Template.WELCOME_SET_PASSWORD, VARIABLES).subject())
                .isEqualTo("Welcome to ABC Dashboard: choose your password");
        assertThat(templates.render(Template.NEW_DEVICE_SIGN_IN, VARIABLES).subject())
                .isEqualTo("New sign-in to your account from Firefox 121 on <Windows> 10");
    }

    @Test
    void theNewDeviceNoticeNamesTheDeviceAddressAndTimeWithTheDeviceEscapedInHtml() {
        MailTemplates.Rendered mail = templates.render(Template.NEW_DEVICE_SIGN_IN, VARIABLES);

        assertThat(mail.text()).contains("Firefox 121 on <Windows> 10", "203.0.113.9", "2026-12-01T10:00:00Z");
        assertThat(mail.html())
                .contains("Firefox 121 on &lt;Windows&gt; 10", "203.0.113.9", "2026-12-01T10:00:00Z")
                .doesNotContain("<Windows>");
    }

    @Test
    void passwordResetStatesItsExpiryInMinutes() {
        assertThat(templates.render(Template.PASSWORD_RESET, VARIABLES).text()).contains("expires in 10 minutes");
    }

    @Test
    void variablesAreHtmlEscapedInTheHtmlPartAndLeftAsTheyAreInTheTextPart() {
        Map<String, String> hostile = Map.of("name", "<script>alert('x')</script> & \"Co\"");

        MailTemplates.Rendered mail = templates.render(Template.PASSWORD_CHANGED, hostile);

        assertThat(mail.html())
                .contains("Hello &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;,")
                .doesNotContain("<script>");
        assertThat(mail.text()).contains("Hello <script>alert('x')</script> & \"Co\",");
    }

    @Test
    void aValueThatLooksLikeAPlaceholderIsNotExpandedAgain() {
        MailTemplates.Rendered mail =
                templates.render(Template.PASSWORD_CHANGED, Map.of("name", "{{name}} {{{body}}}"));

        assertThat(mail.text()).contains("Hello {{name}} {{{body}}},");
        assertThat(mail.html()).contains("Hello {{name}} {{{body}}},");
    }

    @Test
    void aMissingVariableIsAnErrorNotABlankInTheMail() {
        assertThatThrownBy(
                        () -> templates.render(Template.VERIFY_EMAIL, Map.of("name", "Jane", "expiresInHours", "24")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("link");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "/relative/path", "data:text/html,hi", "not a url"})
    void aLinkMustBeAnAbsoluteWebUrl(String link) {
        Map<String, String> variables = Map.of("name", "Jane", "link", link, "expiresInHours", "24");

        assertThatThrownBy(() -> templates.render(Template.VERIFY_EMAIL, variables))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(link);
    }
}
