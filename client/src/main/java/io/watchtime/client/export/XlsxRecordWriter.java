package io.watchtime.client.export;

import io.watchtime.client.viewing.ViewingColumn;
import io.watchtime.protocol.ViewingRecord;
import java.io.IOException;
import java.io.OutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * XLSX through fastexcel, streamed: rows are flushed every few thousand, so a million records need no more
 * memory than a hundred. A sheet holds at most 1 048 576 rows; past that the export goes on in a new sheet.
 * Ids beyond 15 digits are written as text, which Excel would otherwise round.
 */
final class XlsxRecordWriter implements RecordWriter {

    private static final ViewingColumn[] COLUMNS = ViewingColumn.values();
    private static final int MAX_ROWS = 1_048_576;
    private static final int FLUSH_EVERY = 2_000;
    private static final long LARGEST_EXACT_IN_EXCEL = 999_999_999_999_999L;

    private final Workbook workbook;
    private Worksheet sheet;
    private int sheets;
    private int row;

    XlsxRecordWriter(OutputStream out) throws IOException {
        this.workbook = new Workbook(out, "Watchtime", "1.0");
        newSheet();
    }

    private void newSheet() throws IOException {
        if (sheet != null) {
            sheet.finish();
        }
        sheets++;
        sheet = workbook.newWorksheet(sheets == 1 ? "观看数据" : "观看数据 " + sheets);
        for (int c = 0; c < COLUMNS.length; c++) {
            sheet.value(0, c, COLUMNS[c].label());
            sheet.style(0, c).bold().set();
        }
        row = 1;
    }

    @Override
    public void write(ViewingRecord record) throws IOException {
        if (row == MAX_ROWS) {
            newSheet();
        }
        for (int c = 0; c < COLUMNS.length; c++) {
            Object value = COLUMNS[c].of(record);
            if (value instanceof Long number && Math.abs(number) <= LARGEST_EXACT_IN_EXCEL) {
                sheet.value(row, c, number);
            } else if (value != null) {
                sheet.value(row, c, value.toString());
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void finish() throws IOException {
        sheet.finish();
        workbook.finish();
    }

    @Override
    public void close() throws IOException {
        // finish() completes the file; a failed export's partial file is deleted by the caller.
    }
}
