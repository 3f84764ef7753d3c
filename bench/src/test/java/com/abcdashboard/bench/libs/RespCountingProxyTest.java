package com.abcdashboard.bench.libs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RespCountingProxyTest {
    private static final String PIPELINE = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$13\r\n*2\r\n$3\r\nGET\r\n\r\n"
            + "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n"
            + "PING\r\n";

    @Test
    void countsPipelinedCommandsWhateverTheyContainAndHoweverTheyAreSplit() {
        byte[] bytes = PIPELINE.getBytes(StandardCharsets.US_ASCII);
        for (int split = 1; split < bytes.length; split++) {
            RespCountingProxy.CommandCounter counter = new RespCountingProxy.CommandCounter();
            byte[] first = new byte[split];
            byte[] second = new byte[bytes.length - split];
            System.arraycopy(bytes, 0, first, 0, split);
            System.arraycopy(bytes, split, second, 0, second.length);

            long counted = counter.feed(first, first.length) + counter.feed(second, second.length);

            assertThat(counted)
                    .as("split after %d bytes (a value that looks like a command is not one)", split)
                    .isEqualTo(3);
        }
    }
}
