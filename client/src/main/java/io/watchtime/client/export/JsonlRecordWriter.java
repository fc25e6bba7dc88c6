package io.watchtime.client.export;

import io.watchtime.client.http.Json;
import io.watchtime.protocol.ViewingRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** One record per line, exactly the contract's JSON object (fields, order, nested objects). */
final class JsonlRecordWriter implements RecordWriter {

    private final OutputStream out;

    JsonlRecordWriter(OutputStream stream) {
        this.out = new BufferedOutputStream(stream, 1 << 16);
    }

    @Override
    public void write(ViewingRecord record) throws IOException {
        out.write(Json.MAPPER.writeValueAsBytes(record)); // writeValue(out) would close the stream
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
