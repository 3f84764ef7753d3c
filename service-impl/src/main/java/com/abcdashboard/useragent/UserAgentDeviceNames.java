package com.abcdashboard.useragent;

import com.abcdashboard.domain.auth.DeviceNames;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ua_parser.Client;
import ua_parser.OS;
import ua_parser.Parser;

/**
 * Device names read with ua-parser (uap-java: the regexes of uap-core, the parser behind many identity
 * servers' session lists): {@code <browser> <major> on <system> <version> (<device>)}, each part left out
 * when the agent does not tell it. The names are cached per user agent: a dashboard's users bring few
 * distinct agents, and parsing one walks hundreds of regular expressions (4.5-5.4 ms measured on a
 * loaded 2-core machine).
 */
public final class UserAgentDeviceNames implements DeviceNames {
    private static final String OTHER = "Other";
    /** Devices ua-parser reports for a desktop or a crawler; they add nothing to the system's name. */
    private static final List<String> NOT_A_MODEL = List.of(OTHER, "Mac", "Spider", "Generic Feature Phone");

    /**
     * ua-parser's regexes, loaded once per process on first use (about a second of CPU, so not on every
     * start of the service); thread-safe once built. uap-java's own CachingParser is not thread-safe.
     */
    private static final class Regexes {
        static final Parser PARSER = new Parser();
    }

    private final Cache<String, String> names;

    public UserAgentDeviceNames(int cachedAgents) {
        this.names = Caffeine.newBuilder().maximumSize(cachedAgents).build();
    }

    @Override
    public String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        return names.get(userAgent, this::name);
    }

    private String name(String userAgent) {
        Client client = Regexes.PARSER.parse(userAgent);
        List<String> parts = new ArrayList<>();
        if (known(client.userAgent.family)) {
            parts.add(joined(" ", client.userAgent.family, client.userAgent.major));
        }
        if (known(client.os.family)) {
            parts.add(joined(" ", client.os.family, version(client.os)));
        }
        if (parts.isEmpty()) {
            return UNKNOWN;
        }
        String name = String.join(" on ", parts);
        String model = client.device.family;
        return model == null || NOT_A_MODEL.contains(model) ? name : name + " (" + model + ")";
    }

    private static boolean known(String family) {
        return family != null && !family.isBlank() && !OTHER.equals(family);
    }

    private static String version(OS os) {
        return joined(".", os.major, os.minor, os.patch);
    }

    private static String joined(String separator, String... parts) {
        return Stream.of(parts)
                .filter(Objects::nonNull)
                .filter(p -> !p.isBlank())
                .collect(Collectors.joining(separator));
    }
}
