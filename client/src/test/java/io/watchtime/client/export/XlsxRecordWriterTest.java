package io.watchtime.client.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watchtime.client.support.SheetXml;
import io.watchtime.client.viewing.ViewingColumn;
import io.watchtime.protocol.ChannelInfo;
import io.watchtime.protocol.ThirdWechatInfo;
import io.watchtime.protocol.ViewingRecord;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XLSX opens as a report, checked in the file's own XML: widths, frozen header, filter, full headers, times
 * as date-times, numbers as numbers, nothing where there is no value.
 */
class XlsxRecordWriterTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String LONG_URL = "https://thirdwx.qlogo.cn/mmopen/vi_32/" + "Q".repeat(150) + "/132";
    /** 2025-09-16 15:16:06 in China. */
    private static final long UPDATED = 1_758_006_966L;

    @TempDir
    Path dir;

    /** Columns by letter, in the contract's order (A room_id ... V update_time). */
    private static String col(ViewingColumn column) {
        return String.valueOf((char) ('A' + column.ordinal()));
    }

    private static ViewingRecord record(long viewer, String photo, long inviter, long channel, String firstVisit) {
        return new ViewingRecord(900001, viewer, "观众" + viewer, photo, 1800, "123.52.16.175", "",
                ThirdWechatInfo.of("wx1", "", ""), 1500, 200, ChannelInfo.of(channel, channel == 0 ? "" : "袁", ""),
                inviter, inviter == 0 ? "" : "邀请人", firstVisit, "2025-09-16 15:16:06", "iOS", "河南 郑州", UPDATED);
    }

    private SheetXml write(ZoneId zone, ViewingRecord... records) throws Exception {
        Path file = dir.resolve("report.xlsx");
        try (OutputStream out = Files.newOutputStream(file); RecordWriter writer = ExportFormat.XLSX.open(out, zone)) {
            for (ViewingRecord record : records) {
                writer.write(record);
            }
            writer.finish();
        }
        return SheetXml.read(file);
    }

    @Test
    void theHeaderRowIsFrozenFilterableAndShownInFull() throws Exception {
        SheetXml sheet = write(CHINA, record(1, LONG_URL, 0, 0, "2025-09-16 15:06:06"),
                record(2, "", 8756, 3128527, "2025-09-16 15:06:06"));

        assertThat(sheet.attribute("pane", "ySplit")).isEqualTo("1");
        assertThat(sheet.attribute("pane", "state")).isEqualTo("frozen");
        assertThat(sheet.attribute("autoFilter", "ref")).isEqualTo("A1:V3");
        assertThat(sheet.definedNames()).contains("_xlnm._FilterDatabase='观看数据'!$A$1:$V$3");
        for (ViewingColumn column : ViewingColumn.values()) {
            String header = sheet.value(col(column) + "1");
            assertThat(header).isEqualTo(column == ViewingColumn.UPDATE_TIME ? "更新时间" : column.label());
            double chars = XlsxRecordWriter.displayWidth(header);
            assertThat(sheet.width(column.ordinal() + 1)).as(header + " shown in full beside the filter button")
                    .isGreaterThanOrEqualTo(chars + 3).isBetween(6.0, 40.0);
        }
        assertThat(sheet.width(ViewingColumn.WECHAT_USER_PHOTO.ordinal() + 1)).as("bounded").isEqualTo(40.0);
        assertThat(sheet.width(ViewingColumn.AREA.ordinal() + 1)).as("河南 郑州 fits").isGreaterThanOrEqualTo(10.0);
        assertThat(sheet.width(ViewingColumn.FIRST_VISIT_TIME.ordinal() + 1)).isGreaterThanOrEqualTo(19.0);
    }

    @Test
    void timesAreDateTimesInTheServersZoneAndDurationsNumbers() throws Exception {
        SheetXml china = write(CHINA, record(1, "", 0, 0, "2025-09-16 15:06:06"));
        String row = "2";

        assertThat(china.type(col(ViewingColumn.FIRST_VISIT_TIME) + row)).isEqualTo("n");
        assertThat(china.format(col(ViewingColumn.FIRST_VISIT_TIME) + row)).isEqualTo("yyyy-mm-dd hh:mm:ss");
        assertThat(serial(china, ViewingColumn.FIRST_VISIT_TIME)).isCloseTo(excel(2025, 9, 16, 15, 6, 6), within(1e-6));
        assertThat(serial(china, ViewingColumn.LAST_VISIT_TIME)).isCloseTo(excel(2025, 9, 16, 15, 16, 6), within(1e-6));
        assertThat(china.format(col(ViewingColumn.UPDATE_TIME) + row)).isEqualTo("yyyy-mm-dd hh:mm:ss");
        assertThat(serial(china, ViewingColumn.UPDATE_TIME)).isCloseTo(excel(2025, 9, 16, 15, 16, 6), within(1e-6));
        for (ViewingColumn duration : List.of(ViewingColumn.STAY_DURATION, ViewingColumn.LIVE_DURATION,
                ViewingColumn.PLAYBACK_DURATION)) {
            assertThat(china.type(col(duration) + row)).isEqualTo("n");
            assertThat(china.format(col(duration) + row)).isEqualTo("General");
        }
        assertThat(china.value(col(ViewingColumn.STAY_DURATION) + row)).isEqualTo("1800");

        // A server configured for another zone: update_time follows it; visit times are its text, unchanged.
        SheetXml utc = write(ZoneId.of("UTC"), record(1, "", 0, 0, "2025-09-16 07:06:06"));
        assertThat(serial(utc, ViewingColumn.UPDATE_TIME)).isCloseTo(excel(2025, 9, 16, 7, 16, 6), within(1e-6));
        assertThat(serial(utc, ViewingColumn.FIRST_VISIT_TIME)).isCloseTo(excel(2025, 9, 16, 7, 6, 6), within(1e-6));
    }

    @Test
    void absentValuesAreEmptyCells() throws Exception {
        SheetXml sheet = write(CHINA, record(1, "", 0, 0, ""), record(2, "", 8756, 3128527, "not a time"));

        assertThat(sheet.has(col(ViewingColumn.INVITED_WECHAT_USER_SPACE_ID) + "2")).as("no inviter: not 0").isFalse();
        assertThat(sheet.has(col(ViewingColumn.CHANNEL_ID) + "2")).as("no channel: not 0").isFalse();
        assertThat(sheet.has(col(ViewingColumn.WECHAT_USER_PHOTO) + "2")).isFalse();
        assertThat(sheet.has(col(ViewingColumn.INVITED_NAME) + "2")).isFalse();
        assertThat(sheet.has(col(ViewingColumn.FIRST_VISIT_TIME) + "2")).isFalse();
        assertThat(sheet.value(col(ViewingColumn.INVITED_WECHAT_USER_SPACE_ID) + "3")).isEqualTo("8756");
        assertThat(sheet.value(col(ViewingColumn.CHANNEL_ID) + "3")).isEqualTo("3128527");
        assertThat(sheet.type(col(ViewingColumn.FIRST_VISIT_TIME) + "3")).as("kept as it came").isEqualTo("s");
        assertThat(sheet.value(col(ViewingColumn.FIRST_VISIT_TIME) + "3")).isEqualTo("not a time");
    }

    private static double serial(SheetXml sheet, ViewingColumn column) {
        return Double.parseDouble(sheet.value(col(column) + "2"));
    }

    /** Excel's serial date: days since 1899-12-30, the time of day as the fraction. */
    private static double excel(int year, int month, int day, int hour, int minute, int second) {
        LocalDateTime time = LocalDateTime.of(year, month, day, hour, minute, second);
        return Duration.between(LocalDateTime.of(1899, 12, 30, 0, 0), time).toSeconds() / 86_400.0;
    }
}
