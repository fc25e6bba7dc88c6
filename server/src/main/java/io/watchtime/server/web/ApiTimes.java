package io.watchtime.server.web;

import io.watchtime.server.settings.WatchtimeProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Times as every answer writes them: wall-clock text in {@code watchtime.time-zone} (Asia/Shanghai by default),
 * the seed's {@code yyyy-MM-dd HH:mm:ss}, and the shorter minute and day forms of the room statistics.
 */
@Component
public final class ApiTimes {

    private final ZoneId zone;
    private final DateTimeFormatter second;
    private final DateTimeFormatter minute;

    public ApiTimes(WatchtimeProperties properties) {
        this.zone = properties.timeZone();
        this.second = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        this.minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, or {@code ""} for 0 (never), as the seed writes unknown strings. */
    public String second(long epochSecond) {
        return epochSecond <= 0 ? "" : second.format(Instant.ofEpochSecond(epochSecond));
    }

    /** {@link #second}, or null for 0: for the fields documented as "string or null". */
    public String secondOrNull(long epochSecond) {
        return epochSecond <= 0 ? null : second(epochSecond);
    }

    /** {@code yyyy-MM-dd HH:mm}. */
    public String minute(long epochSecond) {
        return minute.format(Instant.ofEpochSecond(epochSecond));
    }

    /** The day of an instant in the time zone. */
    public LocalDate day(long epochSecond) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), zone);
    }

    /** The first second of a day in the time zone. */
    public long startOf(LocalDate day) {
        return day.atStartOfDay(zone).toEpochSecond();
    }
}
