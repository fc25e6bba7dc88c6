package io.watchtime.client.export;

import io.watchtime.protocol.ViewingRecord;
import java.io.Closeable;
import java.io.IOException;

/** Writes records to a file in one format, streaming: memory does not grow with the number of records. */
public interface RecordWriter extends Closeable {

    void write(ViewingRecord record) throws IOException;

    /** Completes the file (trailers, zip directory); after this the writer is closed. Plain text needs only a close. */
    default void finish() throws IOException {
        close();
    }
}
