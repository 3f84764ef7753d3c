package com.abcdashboard.webhooks;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.webhook.WebhookTargets;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The SSRF rule for webhook targets: {@code https} only (plain {@code http} too where {@code allowHttp}:
 * development and test), and a host every address of which is public. Private (RFC 1918, CGNAT),
 * loopback, link-local, unique-local, site-local, multicast, unspecified, reserved and documentation-
 * benchmark ranges are refused, IPv4 ones also when embedded in IPv6 (mapped, compatible, NAT64, 6to4),
 * unless {@code allowPrivate}. The host is resolved on every check, so a name that later points inside
 * is refused at delivery; a name with any internal address is refused, whichever one the client would
 * pick.
 */
public final class TargetAddresses implements WebhookTargets {
    /** How names are resolved; tests give fixed answers. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowHttp;
    private final boolean allowPrivate;
    private final Resolver resolver;

    public TargetAddresses(boolean allowHttp, boolean allowPrivate) {
        this(allowHttp, allowPrivate, InetAddress::getAllByName);
    }

    public TargetAddresses(boolean allowHttp, boolean allowPrivate, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    @Override
    public void requireAllowed(URI url, String field) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw refused(field, allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw refused(field, "must name a host");
        }
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw refused(field, "names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw refused(field, "resolves to a private or reserved address");
            }
        }
    }

    private static DomainException refused(String field, String problem) {
        return new DomainException(
                ErrorCategory.VALIDATION, "Webhook target refused: " + field + " " + problem, Map.of(field, problem));
    }

    /** Whether the address lies in a range the service must not send requests to. */
    public static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        if (address instanceof Inet4Address v4) {
            return isInternalV4(v4.getAddress());
        }
        byte[] b = ((Inet6Address) address).getAddress();
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return true; // fc00::/7 unique local
        }
        if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return true; // 2001:db8::/32 documentation
        }
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isInternalV4(slice(b, 12)); // ::ffff:a.b.c.d mapped
        }
        if (isZero(b, 0, 12)) {
            return true; // ::a.b.c.d compatible (deprecated), ::, ::1
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return isInternalV4(slice(b, 12)); // 64:ff9b::/96 NAT64
        }
        if (first == 0x20 && (b[1] & 0xff) == 0x02) {
            return isInternalV4(new byte[] {b[2], b[3], b[4], b[5]}); // 2002::/16 6to4
        }
        return false;
    }

    private static boolean isInternalV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        return b0 == 0 // 0.0.0.0/8 "this network"
                || b0 == 10
                || b0 == 127
                || (b0 == 100 && b1 >= 64 && b1 <= 127) // CGNAT
                || (b0 == 169 && b1 == 254)
                || (b0 == 172 && b1 >= 16 && b1 <= 31)
                || (b0 == 192 && b1 == 0 && b2 == 0) // IETF protocol assignments
                || (b0 == 192 && b1 == 0 && b2 == 2) // TEST-NET-1
                || (b0 == 192 && b1 == 168)
                || (b0 == 198 && (b1 == 18 || b1 == 19)) // benchmarking
                || (b0 == 198 && b1 == 51 && b2 == 100) // TEST-NET-2
                || (b0 == 203 && b1 == 0 && b2 == 113) // TEST-NET-3
                || b0 >= 224; // multicast, reserved, broadcast
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] bytes, int from) {
        return Arrays.copyOfRange(bytes, from, from + 4);
    }
}
