package io.watchtime.client.cli;

import io.watchtime.client.WatchtimeClient;
import io.watchtime.client.export.ExportFormat;
import io.watchtime.client.export.RecordWriter;
import io.watchtime.client.viewing.Batch;
import io.watchtime.client.viewing.ViewingFilter;
import io.watchtime.client.viewing.PrefetchingWalk;
import io.watchtime.protocol.Sort;
import io.watchtime.protocol.ViewingRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code export}: every matching record into one file; written beside as FILE.partial and renamed when complete. */
@Command(name = "export", description = "Write every matching record to a CSV, JSON-lines or XLSX file.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    private ServerOptions server;

    @Option(names = "--format", required = true, paramLabel = "csv|jsonl|xlsx",
            description = "csv (UTF-8 with BOM, Chinese headers), jsonl (the API's JSON, one record a line) or xlsx.")
    private ExportFormat format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced if it exists).")
    private Path out;

    @Option(names = "--since", converter = TimeConverter.class, paramLabel = "TIME",
            description = "Only records changed at or after TIME (unix seconds, 2025-09-16 or \"2025-09-16 15:06:06\", China time).")
    private long since;

    @Option(names = "--until", converter = TimeConverter.class, paramLabel = "TIME",
            description = "Only records changed at or before TIME.")
    private long until;

    @Option(names = "--viewer", paramLabel = "ID", description = "Only this wechat_user_space_id.")
    private long viewer;

    @Option(names = "--sort", defaultValue = "asc", paramLabel = "asc|desc",
            description = "Order of update_time (default: ${DEFAULT-VALUE}).")
    private Sort sort;

    @Option(names = "--summary", description = "Print the closing summary line even when not on a terminal (for scripts).")
    private boolean summary;

    @Override
    public Integer call() throws IOException {
        ViewingFilter filter;
        try {
            filter = new ViewingFilter(sort, since, until, viewer);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage().replace("update_time_start", "--since").replace("update_time_end", "--until"));
        }
        WatchtimeClient client = server.client();
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        Progress progress = new Progress(server.err(), System.console() != null);
        boolean complete = false;
        try (OutputStream file = Files.newOutputStream(partial); RecordWriter writer = format.open(file);
             PrefetchingWalk walk = new PrefetchingWalk(client.viewings().walk(filter), 2)) {
            Batch batch;
            do {
                batch = walk.next();
                for (ViewingRecord record : batch.records()) {
                    writer.write(record);
                }
                progress.update(batch.records().size(), batch.remaining());
            } while (!batch.last());
            writer.finish();
            complete = true;
        } finally {
            if (!complete) {
                Files.deleteIfExists(partial);
            }
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        String done = String.format(Locale.ROOT, "exported %d records to %s in %.1f s (%d requests, %d refused, peak heap %d MB)",
                progress.records(), out, progress.elapsedSeconds(), client.stats().requests(), client.stats().refused(),
                peakHeapBytes() >> 20);
        if (summary && System.console() == null) {
            server.err().println(done);
        }
        progress.done(done);
        return 0;
    }

    /** The most heap this JVM has used: the sum of the heap pools' peaks. */
    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }
}
