package com.abcdashboard.webhooks;

import com.abcdashboard.domain.webhook.WebhookSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header of the Standard Webhooks specification: {@code v1,} and the base64
 * HMAC-SHA256 of {@code "{webhook-id}.{webhook-timestamp}.{body}"}, keyed with the base64-decoded part of
 * the secret after {@code whsec_}.
 */
public final class WebhookSignature {
    private WebhookSignature() {}

    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WebhookSecrets.key(secret), "HmacSHA256"));
            byte[] signed =
                    mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
