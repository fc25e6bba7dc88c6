package io.watchtime.server.web;

import io.watchtime.server.settings.WatchtimeProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import org.springframework.stereotype.Component;

/**
 * Times as every answer writes them: wall-clock text in {@code watchtime.time-zone} (Asia/Shanghai by default),
 * the seed's {@code yyyy-MM-dd HH:mm:ss}, and the shorter minute and day forms of the room statistics.
 */
@Component
public final class ApiTimes {

    /** A day's {@code yyyy-MM-dd } as the formatter writes it. */
    private record DayText(long epochDay, String text) {
    }

    private static final int DAYS_KEPT = 64; // a power of two: the slot is the day's low bits

    private final ZoneId zone;
    private final ZoneRules rules;
    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter minute;
    /**
     * The last days written, one slot per day modulo {@link #DAYS_KEPT}: every record of a page carries two visit
     * times, and formatting each whole with a DateTimeFormatter was 8 % of a page's time on the server. Records
     * are immutable, so threads may share the slots without locks.
     */
    private final DayText[] days = new DayText[DAYS_KEPT];

    public ApiTimes(WatchtimeProperties properties) {
        this.zone = properties.timeZone();
        this.rules = zone.getRules();
        this.dateFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd ");
        this.minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, or {@code ""} for 0 (never), as the seed writes unknown strings. */
    public String second(long epochSecond) {
        if (epochSecond <= 0) {
            return "";
        }
        long local = epochSecond + rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        long epochDay = Math.floorDiv(local, 86_400);
        int inDay = (int) Math.floorMod(local, 86_400);
        int slot = (int) (epochDay & (DAYS_KEPT - 1));
        DayText kept = days[slot];
        if (kept == null || kept.epochDay() != epochDay) {
            kept = new DayText(epochDay, dateFormat.format(LocalDate.ofEpochDay(epochDay)));
            days[slot] = kept;
        }
        StringBuilder text = new StringBuilder(kept.text().length() + 8).append(kept.text());
        twoDigits(text, inDay / 3600).append(':');
        twoDigits(text, inDay / 60 % 60).append(':');
        return twoDigits(text, inDay % 60).toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
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
