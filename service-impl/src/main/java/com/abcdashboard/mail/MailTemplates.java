package com.abcdashboard.mail;

import com.abcdashboard.domain.mail.EmailMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the templates under {@code mail/}: {@code <name>.subject}, {@code .txt} and {@code .html}
 * (wrapped in {@code layout.html}). {@code {{var}}} is replaced, HTML-escaped in HTML; a variable the
 * template names but the message lacks is an error, so a broken link never goes out silently.
 */
public final class MailTemplates {
    /** A rendered email. */
    public record Rendered(String subject, String text, String html) {}

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\{?([a-zA-Z]+)}}}?");

    private record Template(String subject, String text, String html) {}

    private final Map<EmailMessage.Template, Template> templates = new EnumMap<>(EmailMessage.Template.class);
    private final String layout;

    public MailTemplates() {
        layout = read("layout.html");
        for (EmailMessage.Template t : EmailMessage.Template.values()) {
            String name = t.name().toLowerCase(Locale.ROOT);
            templates.put(t, new Template(read(name + ".subject").strip(), read(name + ".txt"), read(name + ".html")));
        }
    }

    /**
     * @throws IllegalArgumentException when a variable the template names is missing, or {@code link} is
     *     not an absolute http(s) URL (it lands in an {@code href}, where escaping alone would still let a
     *     {@code javascript:} link through)
     */
    public Rendered render(EmailMessage.Template template, Map<String, String> variables) {
        requireWebLink(variables.get("link"));
        Template t = templates.get(template);
        String bodyHtml = fill(t.html(), variables, true);
        return new Rendered(
                fill(t.subject(), variables, false),
                fill(t.text(), variables, false),
                layout.replace("{{{body}}}", bodyHtml));
    }

    private static String fill(String template, Map<String, String> variables, boolean html) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Mail template needs variable '" + m.group(1) + "'");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(html ? escape(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void requireWebLink(String link) {
        if (link == null) {
            return;
        }
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException e) {
            // Not chained: the message would quote the one-time link.
            throw new IllegalArgumentException("Mail link is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException("Mail link must be an absolute http(s) URL");
        }
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String read(String name) {
        try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream("mail/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing mail template mail/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
