package io.watchtime.server.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default database is one absolute place, whatever folder the jar runs in; --database is a friendly alias. */
class DatabaseLocationTest {

    @Test
    void theDefaultHonoursXdgDataHomeElseTheHomeFolder() {
        assertThat(DatabaseLocation.defaultUrl(Map.of(), "/home/op"))
                .isEqualTo("jdbc:sqlite:/home/op/.local/share/watchtime/watchtime.db");
        assertThat(DatabaseLocation.defaultUrl(Map.of("XDG_DATA_HOME", "/data"), "/home/op"))
                .isEqualTo("jdbc:sqlite:/data/watchtime/watchtime.db");
        // XDG: empty or relative values are ignored
        assertThat(DatabaseLocation.defaultUrl(Map.of("XDG_DATA_HOME", "rel"), "/home/op")).startsWith("jdbc:sqlite:/home/op/");
        assertThat(new WatchtimeProperties.Database("", null, null).url()).isEqualTo(DatabaseLocation.defaultUrl());
        assertThat(DatabaseLocation.sqliteFile(DatabaseLocation.defaultUrl()).orElseThrow().isAbsolute()).isTrue();
    }

    @Test
    void databaseTakesAFileOrAUrl() {
        assertThat(DatabaseLocation.fromOption("x/../w.db")).isEqualTo("jdbc:sqlite:" + Path.of("w.db").toAbsolutePath());
        assertThat(DatabaseLocation.fromOption("jdbc:mariadb://db/wt")).isEqualTo("jdbc:mariadb://db/wt");
        assertThat(DatabaseLocation.sqliteFile("jdbc:sqlite:rel.db?x=1")).contains(Path.of("rel.db").toAbsolutePath());
        assertThat(DatabaseLocation.sqliteFile("jdbc:sqlite::memory:")).isEmpty();
    }

    @Test
    void passwordsAreNeverShown() {
        assertThat(DatabaseLocation.withoutPassword("jdbc:postgresql://h/db?user=u&password=p&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(DatabaseLocation.withoutPassword("redis://:pw@h:6379/0")).isEqualTo("redis://:***@h:6379/0");
        assertThat(DatabaseLocation.withoutPassword("jdbc:mariadb://u:pw@h/db")).isEqualTo("jdbc:mariadb://u:***@h/db");
    }

    @Test
    void settingNamesComeFromTheRecordAndMisspellingsAreNamed() {
        assertThat(SettingNames.all()).contains("watchtime.database.url", "watchtime.crediting.room-event-lateness",
                "watchtime.rate-limit.expected-nodes", "watchtime.redis.key-prefix", "watchtime.time-zone");
        assertThat(SettingNames.problemWith("watchtime.crediting.maxGap")).isEmpty(); // relaxed, as Spring binds it
        assertThat(SettingNames.problemWith("server.port")).isEmpty();
        assertThat(SettingNames.problemWith("watchtime.redis.uri")).hasValueSatisfying(
                m -> assertThat(m).contains("did you mean watchtime.redis.url?"));
        assertThat(SettingNames.problemWithVariable("WATCHTIME_CREDITING_MAX_GAP")).isEmpty();
        assertThat(SettingNames.problemWithVariable("WATCHTIME_CREDITING_MAXGAP")).isEmpty();
        assertThat(SettingNames.problemWithVariable("WATCHTIME_URL")).isEmpty(); // the client's
        assertThat(SettingNames.problemWithVariable("WATCHTIME_REDIS_URI")).isPresent();
    }
}
