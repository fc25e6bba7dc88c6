package io.watchtime.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.client.http.Json;
import io.watchtime.client.support.TestServer;
import io.watchtime.client.support.Traffic;
import io.watchtime.protocol.ViewingRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code export --out -} streams to standard output; a URL where no HTTP server listens fails at once. */
class ExportStdoutTest {

    private static final int RECORDS = 40;
    private static TestServer server;
    private static TestServer.TestAccount account;

    @BeforeAll
    static void data() {
        server = TestServer.get(TestServer.Kind.CURSOR);
        account = server.newAccount();
        new Traffic(server.client(account.ingestKey()).build(), 7).insert(RECORDS);
    }

    private static CliRun export(String format, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("export", "--format", format, "--out", "-",
                "--url", server.baseUrl(), "--key", account.readKey()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void csvGoesToStandardOutputAndTheSummaryToStandardError() {
        CliRun run = export("csv", "--summary");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.data()).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(run.out().substring(1).split("\r\n"));
        assertThat(lines).hasSize(RECORDS + 1);
        assertThat(lines.get(0)).startsWith("直播间ID,用户ID");
        assertThat(run.err().lines().toList()).singleElement().asString()
                .startsWith("exported " + RECORDS + " records to standard output in ");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void jsonLinesOnStandardOutputAreNothingButRecords() {
        CliRun run = export("jsonl");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines().map(line -> Json.MAPPER.readValue(line, ViewingRecord.class)).toList())
                .hasSize(RECORDS);
    }

    /** Read as Excel reads it, by the zip's central directory (fastexcel's entries confuse a ZipInputStream). */
    @Test
    void xlsxOnStandardOutputIsAWholeWorkbook(@TempDir Path dir) throws IOException {
        CliRun run = export("xlsx");

        assertThat(run.exit()).as(run.err()).isZero();
        Path copy = Files.write(dir.resolve("stdout.xlsx"), run.data());
        try (ZipFile zip = new ZipFile(copy.toFile())) {
            String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(sheet.split("<row ", -1)).hasSize(RECORDS + 2);
        }
    }

    /** Something that accepts TCP but is no HTTP server: an SSH banner, or a service that hangs up at once. */
    @ParameterizedTest
    @ValueSource(strings = {"SSH-2.0-OpenSSH_9.6\r\n", ""})
    void aPortThatDoesNotSpeakHttpFailsAtOnceWithOneLine(String banner) throws IOException {
        try (ServerSocket port = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answer(port, banner), "not-http");
            answering.setDaemon(true);
            answering.start();
            long start = System.nanoTime();
            CliRun run = CliRun.of("export", "--format", "csv", "--out", "-", "--key", "wt_x",
                    "--url", "http://127.0.0.1:" + port.getLocalPort());

            assertThat((System.nanoTime() - start) / 1_000_000).as("no retries for minutes").isLessThan(10_000);
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.data()).as("not even a header").isEmpty();
            assertThat(run.err().lines().toList()).singleElement().asString()
                    .startsWith("error: no HTTP answer from http://127.0.0.1:" + port.getLocalPort())
                    .contains("check the URL's port and http/https");
        }
    }

    @Test
    void httpsToAPlainHttpServerFailsAtOnceToo() {
        CliRun run = CliRun.of("export", "--format", "csv", "--out", "-", "--key", account.readKey(),
                "--url", server.baseUrl().replace("http:", "https:"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: no HTTP answer from https://").contains("http/https");
    }

    private static void answer(ServerSocket port, String banner) {
        while (!port.isClosed()) {
            try (Socket socket = port.accept(); OutputStream out = socket.getOutputStream()) {
                out.write(banner.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                return; // the test closed the port
            }
        }
    }
}
