package com.abcdashboard.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code REDIS_URL}, parsed and checked. Three shapes, each also with TLS ({@code rediss…}):
 *
 * <ul>
 *   <li>{@code redis://[[user]:password@]host[:6379][/db]} — one server;
 *   <li>{@code redis-sentinel://[[user]:password@]host[:26379][,host[:26379]…]/master[/db]} — Sentinel:
 *       the sentinels to ask, and the name of the master they watch; the credentials are the data
 *       nodes' (sentinels are asked without);
 *   <li>{@code redis-cluster://[[user]:password@]host[:6379][,host[:6379]…]} — Cluster: any seed nodes,
 *       the rest is discovered.
 * </ul>
 *
 * The user name and password may be percent-encoded. {@link #toString()} never shows the password.
 */
public record RedisEndpoint(
        Topology topology,
        boolean tls,
        List<Node> nodes,
        Optional<String> username,
        Optional<String> password,
        Optional<String> masterName,
        int database) {

    public enum Topology {
        SINGLE("redis", "rediss", 6379),
        SENTINEL("redis-sentinel", "rediss-sentinel", 26379),
        CLUSTER("redis-cluster", "rediss-cluster", 6379);

        final String scheme;
        final String tlsScheme;
        final int defaultPort;

        Topology(String scheme, String tlsScheme, int defaultPort) {
            this.scheme = scheme;
            this.tlsScheme = tlsScheme;
            this.defaultPort = defaultPort;
        }
    }

    public record Node(String host, int port) {}

    /** Every scheme {@code REDIS_URL} accepts. */
    public static List<String> schemes() {
        List<String> schemes = new ArrayList<>();
        for (Topology t : Topology.values()) {
            schemes.add(t.scheme + "://");
            schemes.add(t.tlsScheme + "://");
        }
        return schemes;
    }

    /**
     * @throws IllegalArgumentException saying what is wrong, never repeating the value (it may hold a
     *     password)
     */
    public static RedisEndpoint parse(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException("must be a URL starting with one of " + schemes());
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        Topology topology = null;
        boolean tls = false;
        for (Topology t : Topology.values()) {
            if (t.scheme.equals(scheme) || t.tlsScheme.equals(scheme)) {
                topology = t;
                tls = t.tlsScheme.equals(scheme);
            }
        }
        if (topology == null) {
            throw new IllegalArgumentException("must be a URL starting with one of " + schemes());
        }
        String rest = url.substring(schemeEnd + 3);
        int query = rest.indexOf('?');
        if (query >= 0 || rest.contains("#")) {
            throw new IllegalArgumentException("must not have a query or fragment");
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        List<String> path = slash < 0
                ? List.of()
                : List.of(rest.substring(slash + 1).split("/")).stream()
                        .filter(s -> !s.isEmpty())
                        .toList();

        Optional<String> username = Optional.empty();
        Optional<String> password = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            String user = decode(colon < 0 ? "" : userInfo.substring(0, colon));
            String secret = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
            username = Optional.of(user).filter(u -> !u.isEmpty());
            password = Optional.of(secret).filter(p -> !p.isEmpty());
        }
        List<Node> nodes = nodes(authority, topology);
        if (topology == Topology.SINGLE && nodes.size() > 1) {
            throw new IllegalArgumentException(
                    "names several hosts: use redis-sentinel:// or redis-cluster:// for more than one");
        }

        Optional<String> master = Optional.empty();
        if (topology == Topology.SENTINEL) {
            if (path.isEmpty()) {
                throw new IllegalArgumentException(
                        "must name the Sentinel master: redis-sentinel://host:26379/mymaster");
            }
            master = Optional.of(path.get(0));
            path = path.subList(1, path.size());
        }
        int database = 0;
        if (!path.isEmpty()) {
            if (topology == Topology.CLUSTER) {
                throw new IllegalArgumentException("must not name a database: Redis Cluster has only database 0");
            }
            if (path.size() > 1 || !path.get(0).matches("\\d{1,2}")) {
                throw new IllegalArgumentException("database must be a number (0-15 on a default Redis)");
            }
            database = Integer.parseInt(path.get(0));
        }
        return new RedisEndpoint(topology, tls, nodes, username, password, master, database);
    }

    private static List<Node> nodes(String authority, Topology topology) {
        List<Node> nodes = new ArrayList<>();
        for (String part : authority.split(",")) {
            String hostPort = part.trim();
            if (hostPort.isEmpty()) {
                throw new IllegalArgumentException("must name a host");
            }
            String host;
            String port = null;
            if (hostPort.startsWith("[")) { // [IPv6]:port
                int close = hostPort.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("has an unterminated IPv6 address");
                }
                host = hostPort.substring(1, close);
                if (close + 1 < hostPort.length()) {
                    if (hostPort.charAt(close + 1) != ':') {
                        throw new IllegalArgumentException("has a malformed host");
                    }
                    port = hostPort.substring(close + 2);
                }
            } else {
                int colon = hostPort.lastIndexOf(':');
                host = colon < 0 ? hostPort : hostPort.substring(0, colon);
                port = colon < 0 ? null : hostPort.substring(colon + 1);
            }
            if (host.isEmpty() || !host.matches("[A-Za-z0-9._:%-]+")) {
                throw new IllegalArgumentException("has a malformed host");
            }
            int portNumber = topology.defaultPort;
            if (port != null) {
                if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                    throw new IllegalArgumentException("port must be a number between 1 and 65535");
                }
                portNumber = Integer.parseInt(port);
            }
            nodes.add(new Node(host, portNumber));
        }
        return List.copyOf(nodes);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has a malformed percent-encoding in its credentials");
        }
    }

    /** A node as Redisson addresses it: {@code redis://host:port} or {@code rediss://host:port}. */
    public String address(Node node) {
        String host = node.host().contains(":") ? "[" + node.host() + "]" : node.host();
        return (tls ? "rediss" : "redis") + "://" + host + ":" + node.port();
    }

    @Override
    public String toString() {
        String scheme = tls ? topology.tlsScheme : topology.scheme;
        StringBuilder s = new StringBuilder(scheme).append("://");
        if (password.isPresent() || username.isPresent()) {
            s.append(username.orElse(""))
                    .append(password.isPresent() ? ":***" : "")
                    .append('@');
        }
        s.append(String.join(
                ",", nodes.stream().map(n -> n.host() + ":" + n.port()).toList()));
        masterName.ifPresent(m -> s.append('/').append(m));
        if (database != 0) {
            s.append('/').append(database);
        }
        return s.toString();
    }
}
