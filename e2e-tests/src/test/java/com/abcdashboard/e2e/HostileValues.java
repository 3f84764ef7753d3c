package com.abcdashboard.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The hostile material of the fuzz campaign. JSON values are kept as JSON text, not as objects, so that
 * what no JSON library would write (escaped lone surrogates, 10,000 levels of nesting, numbers beyond
 * any type) goes out as intended. Nothing here may contain text the leak check looks for (class names,
 * "Exception"): an echo of the input must not pass for a leak.
 */
final class HostileValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileValues() {}

    /** A JSON string literal (Jackson escapes control characters, NUL included). */
    static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Values of the wrong JSON type for a string field (numbers and booleans Jackson may coerce to text). */
    static final List<String> NOT_A_STRING = List.of(
            "12345",
            "-1",
            "0",
            "1.5e308",
            "1e400",
            "-0.0",
            "123456789012345678901234567890",
            "true",
            "false",
            "null",
            "[]",
            "[\"a\",\"b\"]",
            "{}",
            "{\"a\":\"b\"}",
            "[[[]]]");

    /** Values of the wrong JSON type, or no boolean at all, for a boolean field. */
    static final List<String> NOT_A_BOOLEAN =
            List.of("\"maybe\"", "\"\"", "\"TRUE\"", "\"1\"", "2", "-1", "[]", "[true]", "{}", "1.5", "\"yes\"");

    /** MongoDB query operators and injection-shaped text, as JSON values. */
    static final List<String> OPERATORS = List.of(
            "{\"$ne\":null}",
            "{\"$gt\":\"\"}",
            "{\"$where\":\"sleep(100) || true\"}",
            "{\"$regex\":\".*\",\"$options\":\"i\"}",
            "{\"$exists\":true}",
            "{\"$in\":[\"admin\",\"manager\",\"staff\"]}",
            "{\"$nin\":[]}",
            "{\"$expr\":{\"$eq\":[1,1]}}",
            "{\"$function\":{\"body\":\"function(){return true}\",\"args\":[],\"lang\":\"js\"}}",
            "[{\"$ne\":null}]",
            quoted("$ne"),
            quoted("{\"$gt\":\"\"}"),
            quoted("'; return true; var x='"),
            quoted("admin' || '1'=='1"),
            quoted("\" || \"\"==\""),
            quoted("$where: 1 == 1"),
            quoted(".*"),
            quoted("^(a+)+$"));

    /** Keys a body should never act on, injected next to the real fields. */
    static final List<String> OPERATOR_KEYS = List.of(
            "$where",
            "$set",
            "$ne",
            "$gt",
            "__proto__",
            "constructor",
            "email.$ne",
            "role[$ne]",
            "_id",
            "passwordHash");

    /** Text that breaks naive handling of Unicode (each a Java string, JSON-escaped when sent). */
    static final List<String> UNICODE = List.of(
            "\u202Egnp.exe\u202C",
            "Jane\u0000Doe",
            "\u0000",
            "\uD83D\uDE00\uD83D\uDD25\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",
            "\u200B\u200C\u200D\uFEFF",
            "Z" + "\u0351\u0337\u0334\u0336".repeat(40),
            "\u0130stanbul \u00DF \uFB03",
            "\uFF21\uFF44\uFF4D\uFF49\uFF4E",
            "\u0430dmin",
            "\u2028\u2029\u0085",
            "\uFFFF\uFFFE",
            "\uDBFF\uDFFF",
            "\u0001\u0002\u0007\u001B[31m",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1:1/a}",
            "{{7*7}}${7*7}",
            "%s%n%x%08x",
            "../../../../etc/passwd",
            "\r\nSet-Cookie: injected=1",
            "\u0645\u0631\u062D\u0628\u0627 \u05E9\u05DC\u05D5\u05DD");

    /**
     * JSON string literals a multi-line text field must refuse: control characters other than tab and
     * line feed, bidirectional controls, unpaired surrogates (escaped: no JSON library writes them).
     */
    static final List<String> REFUSED_IN_MULTI_LINE_TEXT = List.of(
            "\"Jane\\u0000Doe\"",
            "\"\\u0000\"",
            "\"a\\u0001b\"",
            "\"a\\u0007b\"",
            "\"red\\u001b[31m\"",
            "\"a\\rb\"",
            "\"a\\u007fb\"",
            "\"a\\u0085b\"",
            "\"\\u202Egnp.exe\\u202C\"",
            "\"a\\u2066b\\u2069\"",
            "\"a\\u200Fb\"",
            "\"a\\u061Cb\"",
            "\"\\ud800\"",
            "\"a\\udc00\"",
            "\"a\\ud83d\"",
            "\"\\udfff\\ud800\"");

    /** What a one-line text field refuses besides: tab and line feed. */
    static final List<String> REFUSED_IN_TEXT = java.util.stream.Stream.concat(
                    REFUSED_IN_MULTI_LINE_TEXT.stream(), java.util.stream.Stream.of("\"a\\tb\"", "\"a\\nb\""))
            .toList();

    /** JSON string literals no JSON library writes: escaped lone surrogates. */
    static final List<String> LONE_SURROGATES =
            List.of("\"\\ud800\"", "\"\\udc00x\"", "\"a\\ud83d\"", "\"\\udfff\\ud800\"", "\"\\uDBFF\"");

    /** Bodies that are not JSON, or not what the service can read. */
    static final List<String> NOT_JSON = List.of(
            "",
            "{",
            "}",
            "{\"email\":",
            "{'email':'a@b.co'}",
            "{\"email\":\"a@b.co\",}",
            "[",
            "null",
            "true",
            "123",
            "\"just a string\"",
            "[]",
            "[{}]",
            "{\"a\":NaN}",
            "{\"a\":Infinity}",
            "{\"a\":01}",
            "/*comment*/{}",
            "{\"a\":\"\\x41\"}",
            "{\"a\":\"\\u12\"}",
            "\uFEFF{}",
            "{}{}",
            "{} trailing",
            "{\"email\":\"a\" \"password\":\"b\"}",
            "{\"email\":\"unterminated",
            "{\"email\":\"raw\u0001control\"}",
            "{\"a\":" + "1".repeat(5_000) + "}",
            "{\"a\":1e999999999}",
            "{\"a\":-" + "9".repeat(2_000) + ".5}",
            "{\"email\":\"a@b.co\",\"email\":{\"$ne\":null}}",
            "{\"" + "k".repeat(60_000) + "\":1}",
            "\u0000",
            " ");

    /** Byte sequences that are not UTF-8 (invalid starts, overlong forms, surrogates, truncation). */
    static final List<byte[]> NOT_UTF8 = List.of(
            new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82});

    /** {@code before}, the raw {@code bytes}, {@code after}: text in UTF-8 with bytes that are not. */
    static byte[] splice(String before, byte[] bytes, String after) {
        byte[] start = before.getBytes(StandardCharsets.UTF_8);
        byte[] end = after.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + bytes.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(bytes, 0, body, start.length, bytes.length);
        System.arraycopy(end, 0, body, start.length + bytes.length, end.length);
        return body;
    }

    /** Arrays or objects nested {@code depth} levels deep. */
    static String nested(int depth, boolean objects) {
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        String innermost = objects ? "1" : "";
        return open.repeat(depth) + innermost + close.repeat(depth);
    }

    /** Content types the JSON endpoints must refuse or read safely; each with the body it comes with. */
    record ContentType(String header, byte[] body) {}

    static List<ContentType> contentTypes(String jsonBody) {
        byte[] utf8 = jsonBody.getBytes(StandardCharsets.UTF_8);
        return List.of(
                new ContentType("Content-Type: text/plain", utf8),
                new ContentType(
                        "Content-Type: application/xml", "<email>a@b.co</email>".getBytes(StandardCharsets.UTF_8)),
                new ContentType(
                        "Content-Type: application/x-www-form-urlencoded",
                        "email[$ne]=x&password[$ne]=x&role=admin".getBytes(StandardCharsets.UTF_8)),
                new ContentType(
                        "Content-Type: multipart/form-data; boundary=xyz",
                        ("--xyz\r\nContent-Disposition: form-data;" + " name=\"email\"\r\n\r\na@b.co\r\n--xyz--\r\n")
                                .getBytes(StandardCharsets.UTF_8)),
                new ContentType(
                        "Content-Type: application/json; charset=utf-16", jsonBody.getBytes(StandardCharsets.UTF_16)),
                new ContentType("Content-Type: application/json; charset=utf-16", utf8),
                new ContentType("Content-Type: application/json; charset=no-such-charset", utf8),
                new ContentType("Content-Type: application/json; charset=", utf8),
                new ContentType("Content-Type: application/json;;;", utf8),
                new ContentType("Content-Type: application/vnd.api+json", utf8),
                new ContentType("Content-Type: */*", utf8),
                new ContentType("Content-Type: application/json, text/html", utf8),
                new ContentType("Content-Type: ", utf8),
                new ContentType("Content-Type: application/octet-stream", utf8),
                new ContentType("Content-Type: image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}),
                new ContentType("Content-Encoding: gzip", utf8),
                new ContentType("X-No-Content-Type: 1", utf8));
    }
}
