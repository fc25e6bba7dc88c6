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
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code export}: every matching record into one file (written beside as FILE.partial and renamed when complete)
 * or onto standard output.
 */
@Command(name = "export", description = "Write every matching record to a CSV, JSON-lines or XLSX file.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    private ServerOptions server;

    @ParentCommand
    private WatchtimeCli cli;

    @Option(names = "--format", required = true, paramLabel = "csv|jsonl|xlsx",
            description = "csv (UTF-8 with BOM, Chinese headers), jsonl (the API's JSON, one record a line) or xlsx.")
    private ExportFormat format;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The file to write (replaced if it exists), or - for standard output.")
    private Path out;

    @Option(names = "--since", paramLabel = "TIME", description = "Only records whose last change (update_time) is at or"
            + " after TIME: unix seconds, 2025-09-16 or \"2025-09-16 15:06:06\" in --time-zone. Not the visit time.")
    private String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only records whose last change (update_time) is at or"
            + " before TIME.")
    private String until;

    @Option(names = "--time-zone", defaultValue = "Asia/Shanghai", converter = TimeConverter.Zone.class, paramLabel = "ZONE",
            description = "The server's zone (its watchtime.time-zone): of --since/--until dates and of the times in"
                    + " XLSX (default: ${DEFAULT-VALUE}).")
    private ZoneId zone;

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
            filter = new ViewingFilter(sort, time("--since", since), time("--until", until), viewer);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage().replace("update_time_start", "--since").replace("update_time_end", "--until"));
        }
        WatchtimeClient client = server.client();
        boolean toStdout = out.toString().equals("-");
        // On stdout the progress line still goes to stderr: only a terminal there shows it, never the data.
        Progress progress = new Progress(server.err(), System.console() != null);
        try (Output output = toStdout ? Output.stdout(cli.stdout()) : Output.file(out)) {
            export(client, filter, output.stream(), progress);
            output.complete();
        }
        String done = String.format(Locale.ROOT, "exported %d records to %s in %.1f s (%d requests, %d refused, peak heap %d MB)",
                progress.records(), toStdout ? "standard output" : out, progress.elapsedSeconds(),
                client.stats().requests(), client.stats().refused(), peakHeapBytes() >> 20);
        if (summary && System.console() == null) {
            server.err().println(done);
        }
        progress.done(done);
        return 0;
    }

    private void export(WatchtimeClient client, ViewingFilter filter, OutputStream stream, Progress progress)
            throws IOException {
        try (PrefetchingWalk walk = new PrefetchingWalk(client.viewings().walk(filter), 2)) {
            // The first answer before the first byte: a wrong URL or key leaves standard output empty, not a header.
            Batch batch = walk.next();
            try (RecordWriter writer = format.open(stream, zone)) {
                while (true) {
                    for (ViewingRecord record : batch.records()) {
                        writer.write(record);
                    }
                    progress.update(batch.records().size(), batch.remaining());
                    if (batch.last()) {
                        break;
                    }
                    batch = walk.next();
                }
                writer.finish();
            }
        }
    }

    private long time(String option, String text) {
        try {
            return text == null ? 0 : TimeConverter.epochSecond(text, zone);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(server.spec().commandLine(), "invalid value for " + option + ": "
                    + e.getMessage());
        }
    }

    /** The most heap this JVM has used: the sum of the heap pools' peaks. */
    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }
}
