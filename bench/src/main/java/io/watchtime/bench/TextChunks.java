package io.watchtime.bench;

import io.watchtime.server.storage.ViewingRow;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The generated rows as chunks of tab-separated text ({@link RowValues#appendTsv}, the text format of COPY and
 * LOAD DATA), made on a second thread while the database takes the previous chunk.
 */
final class TextChunks {

    /** Rows a chunk (the last one may hold fewer). */
    static final int ROWS = 20_000;

    /** UTF-8 text of {@code rows} lines. */
    record Chunk(byte[] text, int rows) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0);
    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(4);

    TextChunks(RealisticViewings rows) {
        Thread t = new Thread(() -> {
            ViewingRow r = new ViewingRow();
            RowValues values = new RowValues();
            StringBuilder text = new StringBuilder(ROWS * 400);
            int n = 0;
            try {
                while (rows.next(r)) {
                    values.appendTsv(text, r);
                    if (++n == ROWS) {
                        chunks.put(new Chunk(text.toString().getBytes(StandardCharsets.UTF_8), n));
                        text.setLength(0);
                        n = 0;
                    }
                }
                if (n > 0) {
                    chunks.put(new Chunk(text.toString().getBytes(StandardCharsets.UTF_8), n));
                }
                chunks.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rows");
        t.setDaemon(true);
        t.start();
    }

    /** The next chunk, or null at the end. */
    Chunk next() throws InterruptedException {
        Chunk chunk = chunks.take();
        return chunk == END ? null : chunk;
    }
}
