package io.watchtime.client.cli;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * A point in time as unix seconds: given as seconds, or as {@code 2025-09-16} / {@code 2025-09-16 15:06:06}
 * in China time (Asia/Shanghai), the zone the contract's visit times are written in.
 */
final class TimeConverter implements CommandLine.ITypeConverter<Long> {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public Long convert(String value) {
        String text = value.trim();
        try {
            if (text.matches("[0-9]{1,10}")) {
                return Long.parseLong(text);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZONE).toEpochSecond();
            }
            return LocalDateTime.parse(text.replace('T', ' '), DATE_TIME).atZone(ZONE).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("\"" + value + "\" is not a time; give unix seconds, 2025-09-16"
                    + " or \"2025-09-16 15:06:06\" (China time)");
        }
    }
}
