package io.watchtime.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.client.http.Json;
import io.watchtime.client.support.TargetDatabase;
import io.watchtime.client.support.TestServer;
import io.watchtime.client.support.Traffic;
import io.watchtime.client.viewing.ViewingFilter;
import io.watchtime.protocol.ViewingRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The command line against the real server, in process: files, databases, and every kind of bad input. */
class CliTest {

    private static final int RECORDS = 130;
    private static TestServer server;
    private static TestServer.TestAccount account;
    private static Traffic traffic;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        server = TestServer.get(TestServer.Kind.CURSOR);
        account = server.newAccount();
        traffic = new Traffic(server.client(account.ingestKey()).build(), 42);
        traffic.insert(RECORDS);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exit = WatchtimeCli.run(args, out, new PrintWriter(err, true));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    private static String[] withServer(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--url", server.baseUrl(), "--key", account.readKey()));
        return all.toArray(String[]::new);
    }

    @Test
    void csvHasABomChineseHeadersAndEveryRecordAndIsQuietWhenPiped() throws Exception {
        Path file = dir.resolve("viewings.csv");
        Run run = cli(withServer("export", "--format", "csv", "--out", file.toString()));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines.get(0)).startsWith("直播间ID,用户ID,用户昵称,用户头像,在线时长(秒)");
        assertThat(lines).hasSize(RECORDS + 1);
        assertThat(lines.get(1)).contains("观众", "河南 郑州", "iOS");
        assertThat(Files.exists(dir.resolve("viewings.csv.partial"))).isFalse();
    }

    @Test
    void jsonLinesHoldTheContractsRecords() throws Exception {
        Path file = dir.resolve("viewings.jsonl");
        Run run = cli(withServer("export", "--format", "JSONL", "--out", file.toString(), "--sort", "desc"));

        assertThat(run.exit()).as(run.err()).isZero();
        List<ViewingRecord> exported = Files.readAllLines(file).stream()
                .map(line -> Json.MAPPER.readValue(line, ViewingRecord.class)).toList();
        List<ViewingRecord> served = server.client(account.readKey()).build().viewings()
                .all(ViewingFilter.ALL.withSort(io.watchtime.protocol.Sort.DESC)).toList();
        assertThat(exported).isEqualTo(served).hasSize(RECORDS);
    }

    @Test
    void xlsxHasAHeaderRowAndARowPerRecord() throws Exception {
        Path file = dir.resolve("viewings.xlsx");
        Run run = cli(withServer("export", "--format", "xlsx", "--out", file.toString()));

        assertThat(run.exit()).as(run.err()).isZero();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            String strings = unescape(new String(zip.getInputStream(zip.getEntry("xl/sharedStrings.xml")).readAllBytes(),
                    StandardCharsets.UTF_8));
            assertThat(sheet.split("<row ", -1)).hasSize(RECORDS + 2);
            assertThat(strings).contains("直播间ID", "在线时长(秒)", "观众");
            assertThat(unescape(new String(zip.getInputStream(zip.getEntry("xl/workbook.xml")).readAllBytes(),
                    StandardCharsets.UTF_8))).contains("观看数据");
        }
    }

    /** fastexcel writes non-ASCII as XML character references (as valid as raw UTF-8 to Excel and WPS). */
    private static String unescape(String xml) {
        return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml)
                .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
    }

    @ParameterizedTest
    @EnumSource(TargetDatabase.Kind.class)
    void syncCreatesTheTableUpsertsAndKeepsItsWatermarkInTheDatabase(TargetDatabase.Kind kind) throws Exception {
        TestServer.TestAccount own = server.newAccount();
        Traffic writes = new Traffic(server.client(own.ingestKey()).build(), kind.ordinal());
        writes.insert(80);
        TargetDatabase db = TargetDatabase.create(kind);
        String[] sync = {"sync", "--url", server.baseUrl(), "--key", own.readKey(), "--jdbc-url", db.url(),
                "--table", "wt_viewings"};
        Run first = cli(sync);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains("synced 80 records", "(cursor)");

        writes.update(30);
        writes.insert(5);
        Run second = cli(sync);
        assertThat(second.exit()).as(second.err()).isZero();

        Set<String> served = server.client(own.readKey()).build().viewings().all(ViewingFilter.ALL)
                .map(r -> r.roomId() + "/" + r.wechatUserSpaceId() + "/" + r.stayDuration() + "/" + r.updateTime())
                .collect(Collectors.toSet());
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            Set<String> held = new java.util.HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT room_id, wechat_user_space_id, stay_duration, update_time"
                    + " FROM wt_viewings")) {
                while (rs.next()) {
                    held.add(rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4));
                }
            }
            assertThat(held).isEqualTo(served).hasSize(85);
            try (ResultSet rs = s.executeQuery("SELECT watermark, lower_bound FROM watchtime_sync_state"
                    + " WHERE target_table = 'wt_viewings'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isPositive();
                rs.getLong(2);
                assertThat(rs.wasNull()).as("no sync under way").isTrue();
            }
        }
    }

    @Test
    void badInputGetsOneClearLineAndAFailingExitCode() {
        assertUsageError(cli(withServer("export", "--format", "csv", "--out", "x", "--bogus")), "Unknown option");
        assertUsageError(cli(withServer("export", "--out", "x.csv")), "--format");
        assertUsageError(cli(withServer("export", "--format", "pdf", "--out", "x")), "pdf");
        assertUsageError(cli("export", "--format", "csv", "--out", "x", "--url", "not a url", "--key", "k"),
                "not a URL");
        assertUsageError(cli("export", "--format", "csv", "--out", "x", "--url", "ftp://host", "--key", "k"),
                "http(s)");
        assertUsageError(cli(withServer("export", "--format", "csv", "--out", "x", "--since", "yesterday")), "yesterday");
        assertUsageError(cli(withServer("sync", "--table", "t", "--jdbc-url", "jdbc:x:y", "--every", "soon")), "duration");
        assertUsageError(cli(), "give a command");

        assertFailure(cli("export", "--format", "csv", "--out", dir.resolve("a.csv").toString(),
                "--url", "http://127.0.0.1:1", "--key", "k"), "cannot connect to http://127.0.0.1:1");
        assertFailure(cli("export", "--format", "csv", "--out", dir.resolve("b.csv").toString(),
                "--url", server.baseUrl(), "--key", "wt_wrong"), "refused the key");
        assertFailure(cli(withServer("export", "--format", "csv", "--out", dir.resolve("c.csv").toString(),
                "--since", "2025-09-17", "--until", "2025-09-16")), "--since");
        assertFailure(cli(withServer("sync", "--table", "t", "--jdbc-url", "jdbc:oracle:thin:@x")), "jdbc:postgresql:");
        assertFailure(cli(withServer("sync", "--table", "t", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x")),
                "cannot use the database");
        assertThat(dir.resolve("a.csv")).doesNotExist();
    }

    private static void assertUsageError(Run run, String mentions) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElse("")).startsWith("error: ").contains(mentions);
        assertThat(run.err()).doesNotContain("\tat ");
    }

    private static void assertFailure(Run run, String mentions) {
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains(mentions);
    }
}
