package com.abcdashboard.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client's IP address. {@code X-Forwarded-For} is believed only when the TCP peer is a trusted
 * proxy ({@code TRUSTED_PROXIES}: IPs or CIDR ranges); then the right-most address in the chain that is
 * not itself a trusted proxy is the client. Anyone else can write that header, so without trusted
 * proxies it is ignored and the peer is the client.
 */
public final class ClientAddress {
    private static final String CONTEXT_KEY = ClientAddress.class.getName();

    private record Range(BigInteger network, int prefix, int bits) {}

    private final List<Range> trusted;

    public ClientAddress(List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        for (String proxy : trustedProxies) {
            ranges.add(range(proxy));
        }
        this.trusted = List.copyOf(ranges);
    }

    /** Resolves the address once per request and keeps it in the request context. */
    public String of(ServerRequest request) {
        Optional<String> known = request.context().get(CONTEXT_KEY, String.class);
        if (known.isPresent()) {
            return known.get();
        }
        String resolved = resolve(request);
        request.context().register(CONTEXT_KEY, resolved);
        return resolved;
    }

    /** The address resolved for this request by a {@link ClientAddress}, else the TCP peer. */
    static String known(ServerRequest request) {
        return request.context().get(CONTEXT_KEY, String.class).orElseGet(() -> peer(request));
    }

    private String resolve(ServerRequest request) {
        return resolve(peer(request), request.headers().all(HeaderNames.X_FORWARDED_FOR, List::of));
    }

    /** The client, given the TCP peer and the X-Forwarded-For header lines in order. */
    String resolve(String peer, List<String> forwardedFor) {
        if (peer == null || !isTrusted(peer)) {
            return peer;
        }
        List<String> chain = new ArrayList<>();
        forwardedFor.forEach(v -> {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    chain.add(part.trim());
                }
            }
        });
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (!isTrusted(hop)) {
                return parses(hop) ? hop : peer;
            }
        }
        return peer;
    }

    boolean isTrusted(String address) {
        Optional<BigInteger> value = value(address);
        if (value.isEmpty()) {
            return false;
        }
        int bits = address.contains(":") ? 128 : 32;
        for (Range range : trusted) {
            if (range.bits() == bits
                    && value.get()
                            .shiftRight(bits - range.prefix())
                            .equals(range.network().shiftRight(bits - range.prefix()))) {
                return true;
            }
        }
        return false;
    }

    private static String peer(ServerRequest request) {
        return request.remotePeer().address() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress()
                : null;
    }

    private static Range range(String proxy) {
        String[] parts = proxy.split("/");
        BigInteger network = value(parts[0]).orElseThrow(() -> new IllegalArgumentException("Not an IP: " + proxy));
        int bits = parts[0].contains(":") ? 128 : 32;
        int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
        if (prefix > bits) {
            throw new IllegalArgumentException("Bad prefix length: " + proxy);
        }
        return new Range(network, prefix, bits);
    }

    private static boolean parses(String address) {
        return value(address).isPresent();
    }

    /** Literal IPs only (never a DNS lookup): digits, dots and colons. */
    private static Optional<BigInteger> value(String address) {
        if (address == null || address.isEmpty() || !address.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigInteger(1, InetAddress.getByName(address).getAddress()));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
