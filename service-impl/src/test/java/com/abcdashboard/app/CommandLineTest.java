package com.abcdashboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.app.CommandLine.Backup;
import com.abcdashboard.app.CommandLine.Help;
import com.abcdashboard.app.CommandLine.Migrate;
import com.abcdashboard.app.CommandLine.Restore;
import com.abcdashboard.app.CommandLine.Serve;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    @Test
    void everyCommandParses() throws Exception {
        assertThat(CommandLine.parse()).isEqualTo(new Serve());
        assertThat(CommandLine.parse("serve")).isEqualTo(new Serve());
        assertThat(CommandLine.parse("--help")).isEqualTo(new Help());
        assertThat(CommandLine.parse("migrate")).isEqualTo(new Migrate(false));
        assertThat(CommandLine.parse("migrate", "--status")).isEqualTo(new Migrate(true));
        assertThat(CommandLine.parse("backup", "--out", "b")).isEqualTo(new Backup(Path.of("b")));
        assertThat(CommandLine.parse("restore", "--from", "b")).isEqualTo(new Restore(Path.of("b"), false));
        assertThat(CommandLine.parse("restore", "--from", "b", "--drop")).isEqualTo(new Restore(Path.of("b"), true));
        assertThat(CommandLine.parse("restore", "--drop", "--from", "b")).isEqualTo(new Restore(Path.of("b"), true));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "deploy",
                "migrate --force",
                "migrate --status --status",
                "backup",
                "backup --out",
                "backup --from dir",
                "backup --out dir extra",
                "restore dir",
                "restore --from",
                "restore --from --drop",
                "restore --from dir --drop --drop",
                "serve now"
            })
    void badUsageIsRefusedWithAMessage(String line) {
        assertThatThrownBy(() -> CommandLine.parse(line.split(" ")))
                .isInstanceOf(CommandLine.UsageException.class)
                .message()
                .isNotBlank();
    }
}
