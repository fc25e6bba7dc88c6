package io.watchtime.client.export;

import java.io.IOException;
import java.io.OutputStream;

/** The export formats: CSV and XLSX for people (Chinese headers), JSON lines for programs (the contract's fields). */
public enum ExportFormat {
    CSV, JSONL, XLSX;

    public RecordWriter open(OutputStream out) throws IOException {
        return switch (this) {
            case CSV -> new CsvRecordWriter(out);
            case JSONL -> new JsonlRecordWriter(out);
            case XLSX -> new XlsxRecordWriter(out);
        };
    }
}
