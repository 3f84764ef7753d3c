package com.abcdashboard.e2e;

import com.abcdashboard.e2e.SpecOperations.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The body mutations of the fuzz campaign. Each changes one field of a well-formed (and, where it must
 * be, poisoned) body, or the whole body in a way that keeps the poison: a body that replaced the whole
 * document could be valid (an empty profile update is), so whole-document abuse of a poisoned operation
 * is built around its poisoned document instead.
 */
final class BodyAbuse {
    private static final String RAW_MARKER = "@@raw@@";

    private final Random random;
    private final int bodyLimit;

    BodyAbuse(Random random, int bodyLimit) {
        this.random = random;
        this.bodyLimit = bodyLimit;
    }

    void wrongType(RequestDraft draft, Field field) {
        List<String> values = "boolean".equals(field.type())
                ? HostileValues.NOT_A_BOOLEAN
                : random.nextInt(3) == 0 ? HostileValues.OPERATORS : HostileValues.NOT_A_STRING;
        draft.set(field.name(), pick(values));
    }

    void missingField(RequestDraft draft, List<Field> fields) {
        List<Field> required = fields.stream().filter(Field::required).toList();
        if (required.isEmpty() || random.nextInt(4) == 0) {
            fields.forEach(f -> draft.fields.remove(f.name()));
        } else {
            draft.fields.remove(pick(required).name());
        }
    }

    /** Past the body limit (413), at it and just below it (read, then refused by validation). */
    void huge(RequestDraft draft, Field field) {
        switch (random.nextInt(7)) {
            case 0 -> draft.set(field.name(), HostileValues.quoted("A".repeat(bodyLimit + 1024)));
            case 1 -> draft.set(field.name(), HostileValues.quoted("A".repeat(1 << 20)));
            case 2 -> fillTo(draft, field, bodyLimit - 1);
            case 3 -> fillTo(draft, field, bodyLimit);
            case 4 -> fillTo(draft, field, bodyLimit + 1);
            case 5 -> draft.set(field.name(), HostileValues.quoted("\uD83D\uDE00".repeat(bodyLimit / 4 + 256)));
            default -> {
                draft.set(field.name(), HostileValues.quoted("A".repeat(bodyLimit + 1024)));
                chunked(draft);
            }
        }
    }

    /** Makes the whole body exactly {@code size} bytes by the length of one field. */
    private void fillTo(RequestDraft draft, Field field, int size) {
        draft.set(field.name(), HostileValues.quoted(""));
        int rest = size - draft.body().length;
        draft.set(field.name(), HostileValues.quoted("A".repeat(Math.max(0, rest))));
    }

    /** The body in 16 KB chunks, with no length announced: the limit is counted while reading. */
    private static void chunked(RequestDraft draft) {
        // Latin-1: one char a byte, so chunk sizes count bytes.
        String body = new String(draft.body(), StandardCharsets.ISO_8859_1);
        draft.framing = WireRequest.Framing.BY_HAND;
        draft.headers.addAll(List.of("Host: localhost", "Connection: close", "Transfer-Encoding: chunked"));
        draft.rawBody = RawHttp.chunked(body, 16 * 1024).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Lengths around the stated limits (in UTF-16 units, in letters, accents and emoji). */
    void boundary(RequestDraft draft, Field field) {
        List<Integer> lengths = new ArrayList<>(List.of(0, 1, 255, 256, 4096));
        if (field.minLength() != null) {
            lengths.addAll(List.of(Math.max(0, field.minLength() - 1), field.minLength()));
        }
        if (field.maxLength() != null) {
            lengths.addAll(List.of(field.maxLength(), field.maxLength() + 1));
        }
        int length = pick(lengths);
        String unit = pick(List.of("a", "\u00e9", "\uD83D\uDE00", " ", "\t"));
        String text = unit.repeat(Math.max(0, length / unit.length()));
        draft.set(field.name(), HostileValues.quoted(random.nextBoolean() ? text : " " + text + " "));
    }

    void unicode(RequestDraft draft, Field field) {
        switch (random.nextInt(4)) {
            case 0, 1 -> draft.set(field.name(), HostileValues.quoted(pick(HostileValues.UNICODE)));
            case 2 -> draft.set(field.name(), pick(HostileValues.LONE_SURROGATES));
            default -> rawBytes(draft, field, pick(HostileValues.NOT_UTF8));
        }
    }

    /** The body with {@code bytes} raw inside the field's string (not UTF-8): the poison stays. */
    private static void rawBytes(RequestDraft draft, Field field, byte[] bytes) {
        draft.set(field.name(), HostileValues.quoted("x" + RAW_MARKER + "y"));
        String json = draft.json();
        int at = json.indexOf(RAW_MARKER);
        draft.rawBody = HostileValues.splice(json.substring(0, at), bytes, json.substring(at + RAW_MARKER.length()));
    }

    void operator(RequestDraft draft, Field field, boolean poisoned) {
        switch (random.nextInt(3)) {
            case 0 -> draft.set(field.name(), pick(HostileValues.OPERATORS));
            case 1 -> draft.prepend(pick(HostileValues.OPERATOR_KEYS), pick(HostileValues.OPERATORS));
            default -> {
                if (poisoned) {
                    draft.prepend(pick(HostileValues.OPERATOR_KEYS), pick(HostileValues.OPERATORS));
                } else {
                    draft.rawBody = pick(HostileValues.OPERATORS).getBytes(StandardCharsets.UTF_8);
                }
            }
        }
    }

    /** Nesting past, at and below Jackson's limit (1,000), in a field or as the whole document. */
    void deep(RequestDraft draft, Field field, boolean poisoned) {
        int depth = pick(List.of(10_000, 30_000, 1_001, 1_000, 999, 200));
        boolean objects = random.nextBoolean();
        // A whole document of nested objects could bind as an empty (valid) update: poisoned bodies keep
        // their fields and take the nesting in one of them.
        if (!poisoned && random.nextBoolean()) {
            draft.rawBody = HostileValues.nested(depth, objects).getBytes(StandardCharsets.UTF_8);
        } else if (random.nextBoolean()) {
            draft.set(field.name(), HostileValues.nested(depth, objects));
        } else {
            draft.rawBody = HostileValues.nested(depth, false).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Broken documents: made from the (poisoned) body, or, for operations without a poison, any. */
    void invalidJson(RequestDraft draft, boolean poisoned) {
        String json = draft.json();
        if (!poisoned && random.nextBoolean()) {
            draft.rawBody = pick(HostileValues.NOT_JSON).getBytes(StandardCharsets.UTF_8);
            return;
        }
        if (random.nextInt(4) == 0) {
            draft.rawBody =
                    HostileValues.splice("{\"raw\":\"x", pick(HostileValues.NOT_UTF8), "y\"," + json.substring(1));
            return;
        }
        List<UnaryOperator<String>> breakages = List.of(
                j -> j + " trailing",
                j -> j + j,
                j -> "\uFEFF" + j,
                j -> j.substring(0, j.length() / 2),
                j -> j.replace('"', '\''),
                j -> j.substring(0, j.length() - 1) + ",}",
                j -> "/*comment*/" + j,
                j -> j.replaceFirst(":", "="),
                j -> j + "\u0000",
                j -> "[" + j + "]",
                j -> "{\"nan\":NaN," + j.substring(1),
                j -> "{\"big\":" + "9".repeat(5_000) + "," + j.substring(1),
                j -> "{\"ctl\":\"a\u0001b\"," + j.substring(1),
                j -> "{\"dup\":1,\"dup\":{\"$ne\":null}," + j.substring(1),
                j -> j.replace("\"", ""));
        draft.rawBody = pick(breakages).apply(json).getBytes(StandardCharsets.UTF_8);
    }

    /** Text fields the service checks for hygiene: strings, passwords excepted. */
    static boolean isCheckedText(Field field) {
        // Timestamps (an API key's expiresAt) are refused as malformed dates, not as text: not free text.
        return "string".equals(field.type())
                && field.allowed().isEmpty()
                && !"password".equals(field.format())
                && !"date-time".equals(field.format());
    }

    /**
     * One text field, placed first (before any poison), holding a character text fields refuse; nothing
     * else is wrong with it, so the answer must be a 400 naming that field.
     */
    void textHygiene(RequestDraft draft, Field field) {
        List<String> values =
                "bio".equals(field.name()) ? HostileValues.REFUSED_IN_MULTI_LINE_TEXT : HostileValues.REFUSED_IN_TEXT;
        draft.fields.remove(field.name());
        draft.prepend(field.name(), pick(values));
        draft.expectation = WireRequest.Expectation.FIELD_REFUSED;
        draft.refusedField = field.name();
    }

    void contentType(RequestDraft draft) {
        HostileValues.ContentType chosen = pick(HostileValues.contentTypes(draft.json()));
        draft.contentType = null;
        draft.headers.add(chosen.header());
        draft.rawBody = chosen.body();
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
