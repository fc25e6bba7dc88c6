package io.watchtime.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.server.settings.WatchtimeProperties;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * {@link ApiTimes#second} writes the time itself, from a kept day: it must say exactly what the formatter says, in
 * zones with and without daylight saving and with offsets that are not whole hours.
 */
class ApiTimesTest {

    private static final String[] ZONES = {"Asia/Shanghai", "UTC", "America/New_York", "Asia/Kolkata",
        "Australia/Lord_Howe", "Pacific/Chatham", "Europe/London"};

    @Property(tries = 3000)
    void writesWhatTheFormatterWrites(@ForAll @LongRange(min = 1, max = 253_402_300_799L) long epochSecond,
            @ForAll @LongRange(min = 0, max = 6) long zoneIndex) {
        ZoneId zone = ZoneId.of(ZONES[(int) zoneIndex]);
        String expected = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone)
                .format(Instant.ofEpochSecond(epochSecond));
        assertThat(times(zone).second(epochSecond)).isEqualTo(expected);
    }

    @Test
    void aroundAClockChangeAndAcrossMidnightTheKeptDaysStayRight() {
        ApiTimes times = times(ZoneId.of("America/New_York"));
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(times.zone());
        long springForward = Instant.parse("2026-03-08T07:00:00Z").getEpochSecond(); // 02:00 local becomes 03:00
        for (long t = springForward - 30 * 3600; t < springForward + 30 * 3600; t += 599) {
            assertThat(times.second(t)).as("at %d", t).isEqualTo(formatter.format(Instant.ofEpochSecond(t)));
        }
        // days 64 apart share a slot of the kept days: each must still get its own date
        long day = 86_400;
        assertThat(times.second(1_700_000_000L)).isEqualTo(formatter.format(Instant.ofEpochSecond(1_700_000_000L)));
        assertThat(times.second(1_700_000_000L + 64 * day))
                .isEqualTo(formatter.format(Instant.ofEpochSecond(1_700_000_000L + 64 * day)));
        assertThat(times.second(1_700_000_000L)).isEqualTo(formatter.format(Instant.ofEpochSecond(1_700_000_000L)));
        assertThat(times.second(0)).isEmpty();
    }

    private static ApiTimes times(ZoneId zone) {
        return new ApiTimes(new WatchtimeProperties(null, zone, "", null, null, null, null, null, null));
    }
}
