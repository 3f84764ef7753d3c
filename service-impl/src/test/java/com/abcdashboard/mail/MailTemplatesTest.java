package com.abcdashboard.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.domain.mail.EmailMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {
    private final MailTemplates templates = new MailTemplates();

    @Test
    void everyTemplateRendersSubjectTextAndHtml() {
        Map<String, String> all =
                Map.of("name", "Jane", "link", "https://x/y?token=t", "expiresInHours", "24", "expiresInMinutes", "10");
        for (EmailMessage.Template t : EmailMessage.Template.values()) {
            MailTemplates.Rendered r = templates.render(t, all);
            assertThat(r.subject()).as(t.name()).isNotBlank();
            assertThat(r.text()).contains("Jane").doesNotContain("{{");
            assertThat(r.html()).contains("ABC Dashboard").doesNotContain("{{");
        }
    }

    @Test
    void htmlEscapesVariablesButTextKeepsThem() {
        MailTemplates.Rendered r =
                templates.render(EmailMessage.Template.PASSWORD_CHANGED, Map.of("name", "<script>alert(1)</script>"));

        assertThat(r.html()).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(r.text()).contains("<script>");
    }

    @Test
    void aMissingVariableIsAnErrorNotABrokenMail() {
        assertThatThrownBy(() -> templates.render(EmailMessage.Template.VERIFY_EMAIL, Map.of("name", "Jane")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("link");
    }
}
