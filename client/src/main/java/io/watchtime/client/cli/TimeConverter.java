package io.watchtime.client.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A point in time as unix seconds: given as seconds, or as {@code 2025-09-16} / {@code 2025-09-16 15:06:06} in
 * the server's zone (Asia/Shanghai unless it says otherwise), the zone the contract's visit times are written in.
 * Converted after parsing, not by picocli, because the zone is itself an option.
 */
final class TimeConverter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TimeConverter() {
    }

    /** Throws {@link IllegalArgumentException} saying what to write instead. */
    static long epochSecond(String value, ZoneId zone) {
        String text = value.trim();
        try {
            if (text.matches("[0-9]{1,10}")) {
                return Long.parseLong(text);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toEpochSecond();
            }
            return LocalDateTime.parse(text.replace('T', ' '), DATE_TIME).atZone(zone).toEpochSecond();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("\"" + value + "\" is not a time; give unix seconds, 2025-09-16"
                    + " or \"2025-09-16 15:06:06\" (in " + zone + ")");
        }
    }

    /** {@code --time-zone}: a region like Asia/Shanghai or an offset like +08:00. */
    static final class Zone implements picocli.CommandLine.ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value.trim());
            } catch (DateTimeException e) {
                throw new picocli.CommandLine.TypeConversionException("\"" + value + "\" is not a time zone; write it"
                        + " like Asia/Shanghai or +08:00");
            }
        }
    }
}
