package io.watchtime.client.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where an export's bytes go. A file is written as FILE.partial and renamed only when complete, so a failed
 * export never leaves a file that looks whole. Standard output is written through, flushed and never closed: it
 * belongs to the process, not to the export.
 */
abstract class Output implements AutoCloseable {

    abstract OutputStream stream();

    /** Everything is written: make it visible under its name. */
    abstract void complete() throws IOException;

    @Override
    public abstract void close() throws IOException;

    static Output file(Path out) throws IOException {
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        OutputStream stream = Files.newOutputStream(partial);
        return new Output() {
            private boolean complete;

            @Override
            OutputStream stream() {
                return stream;
            }

            @Override
            void complete() throws IOException {
                stream.close();
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
                complete = true;
            }

            @Override
            public void close() throws IOException {
                if (!complete) {
                    stream.close();
                    Files.deleteIfExists(partial);
                }
            }
        };
    }

    static Output stdout(OutputStream stdout) {
        OutputStream unclosable = new FilterOutputStream(stdout) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len); // FilterOutputStream's own writes byte by byte
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        return new Output() {
            @Override
            OutputStream stream() {
                return unclosable;
            }

            @Override
            void complete() throws IOException {
                unclosable.flush();
            }

            @Override
            public void close() throws IOException {
                unclosable.flush();
            }
        };
    }
}
