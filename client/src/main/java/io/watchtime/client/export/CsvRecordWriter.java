package io.watchtime.client.export;

import io.watchtime.client.viewing.ViewingColumn;
import io.watchtime.protocol.ViewingRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * CSV that Excel and WPS open without mojibake: UTF-8 with a byte-order mark (without it Excel guesses the
 * local code page), CRLF line ends, RFC 4180 quoting, the contract's Chinese labels as the header. A text
 * cell that starts like a formula (= + - @) gets a leading apostrophe, so a nickname cannot run in Excel.
 */
final class CsvRecordWriter implements RecordWriter {

    private static final ViewingColumn[] COLUMNS = ViewingColumn.values();

    private final OutputStream out;
    /** One row is built here and written at once: a write per cell costs more than the cells. */
    private final StringBuilder row = new StringBuilder(512);

    CsvRecordWriter(OutputStream stream) throws IOException {
        this.out = new BufferedOutputStream(stream, 1 << 16);
        row.append('\uFEFF');
        for (int i = 0; i < COLUMNS.length; i++) {
            cell(i, COLUMNS[i].label());
        }
        endRow();
    }

    @Override
    public void write(ViewingRecord record) throws IOException {
        for (int i = 0; i < COLUMNS.length; i++) {
            Object value = COLUMNS[i].of(record);
            if (value instanceof Long number) {
                row.append(i > 0 ? "," : "").append(number.longValue()); // digits never need quotes
            } else {
                cell(i, value == null ? "" : defused((String) value));
            }
        }
        endRow();
    }

    private void cell(int index, String text) {
        if (index > 0) {
            row.append(',');
        }
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            row.append(text);
            return;
        }
        row.append('"').append(text.replace("\"", "\"\"")).append('"');
    }

    private void endRow() throws IOException {
        row.append("\r\n");
        out.write(row.toString().getBytes(StandardCharsets.UTF_8)); // String's encoder is the JDK's fastest path
        row.setLength(0);
    }

    private static String defused(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
