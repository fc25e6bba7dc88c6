package io.watchtime.client.export;

import io.watchtime.client.viewing.ViewingColumn;
import io.watchtime.protocol.ViewingRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * XLSX through fastexcel, streamed: rows are flushed every few thousand, so a million records need no more
 * memory than a hundred. A sheet holds at most 1 048 576 rows; past that the export goes on in a new sheet.
 *
 * <p>It opens as a report: the header row frozen and filterable, columns as wide as their content (measured
 * over the rows before the first flush, when fastexcel writes the widths, and bounded), visit times and the
 * last change as date-times in the server's zone, durations and ids as numbers, and absent values (an empty
 * text, no inviter or channel: id 0) as empty cells rather than a misleading 0. Ids beyond 15 digits are text,
 * which Excel would otherwise round.
 */
final class XlsxRecordWriter implements RecordWriter {

    private static final ViewingColumn[] COLUMNS = ViewingColumn.values();
    private static final int MAX_ROWS = 1_048_576;
    private static final int FLUSH_EVERY = 2_000;
    private static final long LARGEST_EXACT_IN_EXCEL = 999_999_999_999_999L;
    private static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
    /** Widths in characters of the default font; a CJK character takes two. */
    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 40;
    /** Room for the filter's drop-down button beside a header, and for bold type. */
    private static final int HEADER_EXTRA = 4;

    private final Workbook workbook;
    private final ZoneId zone;
    private final double[] widths = new double[COLUMNS.length];
    private Worksheet sheet;
    private int sheets;
    private int row;
    private boolean widthsWritten;

    XlsxRecordWriter(OutputStream out, ZoneId zone) throws IOException {
        this.workbook = new Workbook(out, "Watchtime", "1.0");
        this.zone = zone;
        for (int c = 0; c < COLUMNS.length; c++) {
            widths[c] = displayWidth(label(COLUMNS[c])) + HEADER_EXTRA;
        }
        newSheet();
    }

    /** The header: the contract's label; the last change is shown as a time here, not as a timestamp. */
    private static String label(ViewingColumn column) {
        return column == ViewingColumn.UPDATE_TIME ? "更新时间" : column.label();
    }

    private void newSheet() throws IOException {
        if (sheet != null) {
            finishSheet();
        }
        sheets++;
        sheet = workbook.newWorksheet(sheets == 1 ? "观看数据" : "观看数据 " + sheets);
        sheet.freezePane(0, 1);
        for (int c = 0; c < COLUMNS.length; c++) {
            sheet.value(0, c, label(COLUMNS[c]));
            sheet.style(0, c).bold().set();
        }
        row = 1;
        widthsWritten = false;
    }

    @Override
    public void write(ViewingRecord record) throws IOException {
        if (row == MAX_ROWS) {
            newSheet();
        }
        for (int c = 0; c < COLUMNS.length; c++) {
            cell(c, COLUMNS[c], COLUMNS[c].of(record));
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            writeWidths();
            sheet.flush();
        }
    }

    private void cell(int c, ViewingColumn column, Object value) {
        if (value == null || "".equals(value) || isAbsentId(column, value)) {
            return;
        }
        LocalDateTime time = dateTime(column, value);
        if (time != null) {
            sheet.value(row, c, time);
            sheet.style(row, c).format(DATE_TIME_FORMAT).set();
            measure(c, DATE_TIME_FORMAT.length());
        } else if (value instanceof Long number && Math.abs(number) <= LARGEST_EXACT_IN_EXCEL) {
            sheet.value(row, c, number);
            if (!widthsWritten) { // widths are fixed at the first flush: measure only before it
                measure(c, Long.toString(number).length());
            }
        } else {
            String text = value.toString();
            sheet.value(row, c, text);
            if (!widthsWritten) {
                measure(c, displayWidth(text));
            }
        }
    }

    /** 0 is how the contract says "none" for an inviter or a channel; a 0 in the sheet would read as an id. */
    private static boolean isAbsentId(ViewingColumn column, Object value) {
        return (column == ViewingColumn.INVITED_WECHAT_USER_SPACE_ID || column == ViewingColumn.CHANNEL_ID)
                && value instanceof Long id && id == 0;
    }

    /** The time a cell shows, or null when it is no time (or text not in the contract's form: kept as text). */
    private LocalDateTime dateTime(ViewingColumn column, Object value) {
        if (column == ViewingColumn.UPDATE_TIME && value instanceof Long seconds) {
            return LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds), zone);
        }
        if (column.isDateTime() && value instanceof String text) {
            try {
                return ViewingColumn.visitTime(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private void measure(int c, double width) {
        if (!widthsWritten && width > widths[c]) {
            widths[c] = width;
        }
    }

    /** fastexcel writes the widths with the sheet's first rows: set them before the first flush, once. */
    private void writeWidths() {
        if (widthsWritten) {
            return;
        }
        for (int c = 0; c < COLUMNS.length; c++) {
            sheet.width(c, Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widths[c] + 1)));
        }
        widthsWritten = true;
    }

    /** Characters as Excel measures them: wide (CJK, full-width) ones count twice. */
    static double displayWidth(String text) {
        double width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            width += isWide(cp) ? 2 : 1;
        }
        return width;
    }

    private static boolean isWide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF60) || cp >= 0x1F300;
    }

    private void finishSheet() throws IOException {
        writeWidths();
        sheet.setAutoFilter(0, 0, row - 1, COLUMNS.length - 1);
        sheet.finish();
    }

    @Override
    public void finish() throws IOException {
        finishSheet();
        workbook.finish();
    }

    @Override
    public void close() throws IOException {
        // finish() completes the file; a failed export's partial file is deleted by the caller.
    }
}
