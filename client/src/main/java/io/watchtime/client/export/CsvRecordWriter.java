package io.watchtime.client.export;

import io.watchtime.client.viewing.ViewingColumn;
import io.watchtime.protocol.ViewingRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * CSV that Excel and WPS open without mojibake: UTF-8 with a byte-order mark (without it Excel guesses the
 * local code page), CRLF line ends, RFC 4180 quoting, the contract's Chinese labels as the header. A text
 * cell that starts like a formula (= + - @) gets a leading apostrophe, so a nickname cannot run in Excel.
 */
final class CsvRecordWriter implements RecordWriter {

    private static final ViewingColumn[] COLUMNS = ViewingColumn.values();

    private final Writer out;

    CsvRecordWriter(OutputStream stream) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        out.write('\uFEFF');
        for (int i = 0; i < COLUMNS.length; i++) {
            cell(i, COLUMNS[i].label());
        }
        out.write("\r\n");
    }

    @Override
    public void write(ViewingRecord record) throws IOException {
        for (int i = 0; i < COLUMNS.length; i++) {
            Object value = COLUMNS[i].of(record);
            cell(i, value == null ? "" : value instanceof String text ? defused(text) : value.toString());
        }
        out.write("\r\n");
    }

    private void cell(int index, String text) throws IOException {
        if (index > 0) {
            out.write(',');
        }
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }

    private static String defused(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
