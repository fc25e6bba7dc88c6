package io.watchtime.client.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;

/** The export formats: CSV and XLSX for people (Chinese headers), JSON lines for programs (the contract's fields). */
public enum ExportFormat {
    CSV, JSONL, XLSX;

    /** The zone in which the server writes visit times; its default, and China's. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public RecordWriter open(OutputStream out) throws IOException {
        return open(out, DEFAULT_ZONE);
    }

    /**
     * {@code zone}: the server's zone ({@code watchtime.time-zone}), in which XLSX shows {@code update_time} as a
     * date-time beside the visit times the server wrote in it. CSV and JSON lines keep the contract's values.
     */
    public RecordWriter open(OutputStream out, ZoneId zone) throws IOException {
        return switch (this) {
            case CSV -> new CsvRecordWriter(out);
            case JSONL -> new JsonlRecordWriter(out);
            case XLSX -> new XlsxRecordWriter(out, zone);
        };
    }
}
