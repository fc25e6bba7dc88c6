package io.watchtime.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.watchtime.protocol.ChannelInfo;
import io.watchtime.protocol.EnterProfile;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.support.Events;
import io.watchtime.server.support.HttpTest;
import io.watchtime.server.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The console in a real browser (Debian's chromium, headless) against the real server, with data that came in through
 * the real ingest endpoint: every page renders without a console error, shows what the API answers, filters and
 * pages, downloads, and follows a live room. A screenshot of each page goes to target/console-screenshots/. Runs in
 * the SQLite pass only (the pages do not depend on the database); without chromium it fails, it does not skip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest extends HttpTest {

    private static final long ENDED_ROOM = 9001, LIVE_ROOM = 9002;
    private static final String[] IPS = {"123.52.16.175", "220.184.19.51", "61.135.169.121", "202.96.209.5", "58.60.1.1"};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) MicroMessenger/8.0.50",
        "Mozilla/5.0 (Linux; Android 14; V2309A) Chrome/122.0 Mobile Safari/537.36 MicroMessenger/8.0.49",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/81.0 Safari/537.36 WindowsWechat(0x63090a13)"};

    private TestAccount account;
    private Browser browser;
    private long now;
    private long liveRoomChanged;

    @BeforeAll
    void dataAndBrowser() throws IOException {
        assumeTrue("sqlite".equals(TestDatabase.kind()), "the console's browser tests run in the SQLite pass");
        account = newAccount();
        now = Instant.now().getEpochSecond();
        ingest(account.ingestKey(), Events.body(endedRoom()));
        // The live room's records change in a later second than the ended room's: an update-time window tells them apart.
        sleepUntil(Instant.now().getEpochSecond() + 1);
        liveRoomChanged = Instant.now().getEpochSecond();
        ingest(account.ingestKey(), Events.body(liveRoom()));
        browser = new Browser();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static void sleepUntil(long epochSecond) {
        try {
            Thread.sleep(Math.max(0, epochSecond * 1000 - System.currentTimeMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A round from 3 h to 2 h ago; 40 viewers staying 2..80 min, every fifth on into the replay. */
    private List<IngestEvent> endedRoom() {
        long start = now - 3 * 3600, end = now - 2 * 3600;
        List<IngestEvent> events = new ArrayList<>(List.of(IngestEvent.roomStart(ENDED_ROOM, 1, start),
                IngestEvent.roomEnd(ENDED_ROOM, 1, end)));
        for (int viewer = 1; viewer <= 40; viewer++) {
            long enter = start + viewer * 30L;
            long leave = Math.min(enter + viewer * 120L, end) + (viewer % 5 == 0 ? 600 : 0);
            events.addAll(session(ENDED_ROOM, viewer, enter, leave, true));
        }
        return events;
    }

    /** A round that started 30 min ago and is still on; viewers 1..15 came one a minute and are still there. */
    private List<IngestEvent> liveRoom() {
        long start = now - 1800;
        List<IngestEvent> events = new ArrayList<>(List.of(IngestEvent.roomStart(LIVE_ROOM, 1, start)));
        for (int viewer = 1; viewer <= 15; viewer++) {
            events.addAll(session(LIVE_ROOM, viewer, start + viewer * 60L, now - 60, false));
        }
        return events;
    }

    private static List<IngestEvent> session(long room, long viewer, long from, long to, boolean leaves) {
        String session = room + "-" + viewer + "-" + from;
        EnterProfile profile = EnterProfile.builder().ip(IPS[(int) (viewer % IPS.length)])
                .userAgent(AGENTS[(int) (viewer % AGENTS.length)]).wechatUserName("观众" + viewer)
                .channelInfo(ChannelInfo.of(viewer % 4, "门店" + viewer % 4, Long.toString(100 + viewer % 4)))
                .inviter(viewer % 3 == 0 ? 0 : 500 + viewer % 3, viewer % 3 == 0 ? "" : "邀请人" + viewer % 3)
                .build();
        List<IngestEvent> events = new ArrayList<>(List.of(IngestEvent.enter(room, viewer, session, from, null, profile)));
        for (long at = from + 30; at < to; at += 30) {
            events.add(Events.beat(room, viewer, session, at));
        }
        events.add(leaves ? IngestEvent.leave(room, viewer, session, to, null) : Events.beat(room, viewer, session, to));
        return events;
    }

    private String base() {
        return "http://localhost:" + port + "/console/";
    }

    private JsonNode api(String path, String body) {
        Reply reply = post(path, account.readKey(), "application/json", body);
        assertThat(reply.status()).as(path + " " + reply.raw().body()).isEqualTo(200);
        return reply.json().get("data");
    }

    private void assertNoConsoleErrors() {
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    private String kpi(String name) {
        return browser.attribute("[data-kpi='" + name + "']", "data-value");
    }

    private List<String> column(String table, int index) {
        return browser.all("[data-table='" + table + "'] tbody tr:not(:has(td.empty))").stream()
                .map(row -> row.findElements(org.openqa.selenium.By.tagName("td")).get(index).getText()).toList();
    }

    @Test
    @Order(1)
    void theDemoAddressSignsInAtOnceAndKeepsTheKeyOutOfTheAddress() {
        browser.open(base() + "#key=" + account.readKey());
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(account.readKey()).endsWith("#/overview");
        assertThat(browser.js("return sessionStorage.getItem('watchtime.key')")).isEqualTo(account.readKey());
        assertThat(browser.js("return JSON.stringify(localStorage)").toString()).doesNotContain(account.readKey());
        assertThat(browser.find("body").getDomAttribute("data-page")).isEqualTo("overview");
        browser.screenshot("overview");
        assertNoConsoleErrors();
    }

    @Test
    @Order(2)
    void overviewShowsWhatTheApiAnswers() {
        browser.open(base() + "#/overview");
        JsonNode live = api("/Api/RoomStat/getRoomList/1.0.0", "{\"page\":1,\"page_size\":1,\"status\":\"live\"}");
        JsonNode ended = api("/Api/RoomStat/getRoomList/1.0.0", "{\"page\":1,\"page_size\":1,\"status\":\"ended\"}");
        JsonNode trend = api("/Api/RoomStat/getAccountTrend/1.0.0", "{\"days\":30}");
        assertThat(kpi("live-rooms")).isEqualTo(live.get("total").asText()).isEqualTo("1");
        assertThat(kpi("ended-rooms")).isEqualTo(ended.get("total").asText()).isEqualTo("1");
        assertThat(kpi("viewers")).isEqualTo(Long.toString(sum(trend, "viewers"))).isEqualTo("55");
        assertThat(kpi("stay")).isEqualTo(Long.toString(sum(trend, "stay_duration")));
        assertThat(kpi("live")).isEqualTo(Long.toString(sum(trend, "live_duration")));
        assertThat(kpi("replay")).isEqualTo(Long.toString(sum(trend, "playback_duration")));
        JsonNode rooms = api("/Api/RoomStat/getRoomList/1.0.0", "{\"page\":1,\"page_size\":20}");
        List<String> shown = column("rooms", 0);
        assertThat(shown).hasSize(rooms.get("list").size());
        for (int i = 0; i < shown.size(); i++) {
            assertThat(shown.get(i)).endsWith(" " + rooms.get("list").get(i).get("room_id").asText());
        }
        browser.load(() -> browser.find(".segmented a[href='#/overview?days=7']").click());
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/overview?days=7");
        JsonNode week = api("/Api/RoomStat/getAccountTrend/1.0.0", "{\"days\":7}");
        assertThat(kpi("stay")).isEqualTo(Long.toString(sum(week, "stay_duration")));
        assertNoConsoleErrors();
    }

    private static long sum(JsonNode answer, String field) {
        long total = 0;
        for (JsonNode item : answer.get("list")) {
            total += item.get(field).asLong();
        }
        return total;
    }

    @Test
    @Order(3)
    void aRoomShowsItsFiguresCurveRankingsAndViewers() {
        browser.open(base() + "#/overview");
        browser.load(() -> browser.find("[data-table='rooms'] a[href='#/rooms/" + ENDED_ROOM + "']").click());
        String room = "{\"room_id\":" + ENDED_ROOM + "}";
        JsonNode summary = api("/Api/RoomStat/getRoomSummary/1.0.0", room);
        for (String[] pair : new String[][] {{"viewers", "viewers"}, {"stay", "stay_duration"},
                {"avg-stay", "avg_stay_duration"}, {"live", "live_duration"}, {"replay", "playback_duration"},
                {"peak", "peak_online"}}) {
            assertThat(kpi(pair[0])).as(pair[0]).isEqualTo(summary.get(pair[1]).asText());
        }
        assertThat(kpi("viewers")).isEqualTo("40");
        assertThat(browser.find("[data-kpi='viewers'] .kpi-value").getText()).isEqualTo("40");
        assertThat(browser.attribute("[data-status]", "data-status")).isEqualTo("ended");
        JsonNode series = api("/Api/RoomStat/getOnlineSeries/1.0.0", room);
        assertThat(browser.attribute("#online-chart", "data-points")).isEqualTo(Integer.toString(series.get("list").size()));
        assertThat(browser.find("#online-chart canvas").isDisplayed()).isTrue();
        for (String by : List.of("province", "store", "inviter")) {
            JsonNode ranking = api("/Api/RoomStat/getRoomRanking/1.0.0", "{\"room_id\":" + ENDED_ROOM + ",\"by\":\"" + by
                    + "\",\"limit\":10}");
            List<String> names = new ArrayList<>(), viewers = new ArrayList<>();
            ranking.get("list").forEach(r -> {
                names.add(r.get("key").asText().isEmpty() ? "未知"
                        : r.get("name").asText().isEmpty() ? r.get("key").asText() : r.get("name").asText());
                viewers.add(r.get("viewers").asText());
            });
            assertThat(column(by + "s", 1)).as(by).isEqualTo(names);
            assertThat(column(by + "s", 2)).as(by).isEqualTo(viewers);
        }
        JsonNode users = api("/Api/RoomRounds/getRoomUserDurationList/2.0.0", "{\"room_id\":" + ENDED_ROOM
                + ",\"room_rounds_id\":0,\"page\":2,\"page_size\":20,\"sort\":\"desc\"}");
        assertThat(browser.attribute(".pager", "data-total")).isEqualTo(users.get("total").asText());
        browser.find(".pager-next").click();
        browser.waitFor(Duration.ofSeconds(10), () -> "2".equals(browser.attribute(".pager", "data-page")));
        assertThat(column("room-viewers", 0)).isEqualTo(ids(users, "wechat_user_space_id"));
        JsonNode round = api("/Api/RoomRounds/getRoomUserDurationList/2.0.0", "{\"room_id\":" + ENDED_ROOM
                + ",\"room_rounds_id\":1,\"page\":1,\"page_size\":20,\"sort\":\"desc\"}");
        new Select(browser.find("#round")).selectByValue("1");
        browser.waitFor(Duration.ofSeconds(10), () -> "1".equals(browser.attribute(".pager", "data-page")));
        assertThat(browser.attribute(".pager", "data-total")).isEqualTo(round.get("total").asText()).isEqualTo("40");
        assertThat(column("room-viewers", 2)).isEqualTo(durations(round, "stay_duration"));
        browser.screenshot("room");
        assertNoConsoleErrors();
    }

    /** Seconds as the page writes them in Chinese: "2小时5分", "3分10秒", "40秒". */
    private static List<String> durations(JsonNode answer, String field) {
        List<String> texts = new ArrayList<>();
        answer.get("list").forEach(r -> {
            long s = r.get(field).asLong();
            texts.add(s >= 3600 ? String.format("%,d小时%d分", s / 3600, s % 3600 / 60)
                    : s >= 60 ? (s / 60) + "分" + (s % 60) + "秒" : s + "秒");
        });
        return texts;
    }

    private static List<String> ids(JsonNode answer, String field) {
        List<String> ids = new ArrayList<>();
        answer.get("list").forEach(r -> ids.add(r.get(field).asText()));
        return ids;
    }

    @Test
    @Order(4)
    void viewersFilterAndPageLikeTheSeedApi() {
        browser.open(base() + "#/viewers");
        JsonNode all = api(LIST_PATH, "{\"page\":2,\"page_size\":20,\"sort\":\"desc\"}");
        assertThat(browser.attribute(".pager", "data-total")).isEqualTo(all.get("total").asText()).isEqualTo("55");
        browser.load(() -> browser.find(".pager-next").click());
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/viewers?page=2");
        assertThat(column("records", 1)).isEqualTo(ids(all, "wechat_user_space_id"));
        assertThat(column("records", 0)).isEqualTo(ids(all, "room_id"));

        browser.find("#f-viewer").sendKeys("3");
        new Select(browser.find("#f-sort")).selectByValue("asc");
        browser.load(() -> browser.find("#f-search").click());
        JsonNode one = api(LIST_PATH, "{\"page\":1,\"page_size\":20,\"sort\":\"asc\",\"wechat_user_space_id\":3}");
        assertThat(browser.attribute(".pager", "data-total")).isEqualTo("2").isEqualTo(one.get("total").asText());
        assertThat(column("records", 0)).isEqualTo(ids(one, "room_id"));

        browser.load(() -> browser.find("#f-reset").click());
        browser.find("#f-room").sendKeys(Long.toString(LIVE_ROOM));
        new Select(browser.find("#f-size")).selectByValue("50");
        browser.load(() -> browser.find("#f-search").click());
        JsonNode room = api("/Api/RoomRounds/getRoomUserDurationList/2.0.0", "{\"room_id\":" + LIVE_ROOM
                + ",\"room_rounds_id\":0,\"page\":1,\"page_size\":50,\"sort\":\"desc\"}");
        assertThat(browser.attribute(".pager", "data-total")).isEqualTo("15").isEqualTo(room.get("total").asText());
        assertThat(column("records", 1)).isEqualTo(ids(room, "wechat_user_space_id"));
        browser.screenshot("viewers");

        // The update-time window, as the address carries it (unix seconds, like the API).
        long end = liveRoomChanged + 3600;
        JsonNode window = api(LIST_PATH, "{\"page\":1,\"page_size\":20,\"sort\":\"desc\",\"update_time_start\":"
                + liveRoomChanged + ",\"update_time_end\":" + end + "}");
        browser.open(base() + "#/viewers?start=" + liveRoomChanged + "&end=" + end);
        assertThat(browser.attribute(".pager", "data-total")).isEqualTo(window.get("total").asText()).isEqualTo("15");
        assertThat(column("records", 1)).isEqualTo(ids(window, "wechat_user_space_id"));
        assertThat(browser.find("#f-start").getDomProperty("value")).isNotEmpty();
        assertNoConsoleErrors();
    }

    @Test
    @Order(5)
    void aViewersDetailListsEveryRoom() {
        browser.open(base() + "#/viewers?viewer=3");
        browser.load(() -> browser.find("[data-table='records'] a[href='#/viewers/3']").click());
        JsonNode rooms = api(LIST_PATH, "{\"page\":1,\"page_size\":500,\"sort\":\"desc\",\"wechat_user_space_id\":3}");
        assertThat(kpi("rooms")).isEqualTo("2").isEqualTo(rooms.get("total").asText());
        assertThat(kpi("stay")).isEqualTo(Long.toString(sum(rooms, "stay_duration")));
        assertThat(column("records", 0)).isEqualTo(ids(rooms, "room_id"));
        assertThat(browser.find("h1").getText()).contains("观众3");
        browser.screenshot("viewer");
        assertNoConsoleErrors();
    }

    @Test
    @Order(6)
    void theCurrentViewDownloadsAsCsvAndXlsx() throws Exception {
        try (Stream<Path> old = Files.list(browser.downloads)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        browser.open(base() + "#/viewers?room=" + ENDED_ROOM);
        browser.find("#download-csv").click();
        Path csv = downloaded(".csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\ufeff直播间ID,观众ID,昵称").doesNotContain("设备");
        assertThat(lines).hasSize(41);
        assertThat(lines.subList(1, lines.size())).allMatch(line -> line.startsWith(ENDED_ROOM + ","));

        browser.find("#download-xlsx").click();
        Path xlsx = downloaded(".xlsx");
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(Pattern.compile("<row ").matcher(sheet).results().count()).isEqualTo(41);
            assertThat(sheet).contains("观众40").contains("<c r=\"A2\"><v>" + ENDED_ROOM + "</v></c>");
            assertThat(zip.getEntry("xl/workbook.xml")).isNotNull();
        }
        assertNoConsoleErrors();
    }

    private Path downloaded(String suffix) {
        Path[] found = new Path[1];
        browser.waitFor(Duration.ofSeconds(15), () -> {
            try (Stream<Path> files = Files.list(browser.downloads)) {
                found[0] = files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElse(null);
                return found[0] != null;
            } catch (IOException e) {
                return false;
            }
        });
        return found[0];
    }

    @Test
    @Order(7)
    void aLiveRoomsCurveGrowsWithin5sOfNewEvents() {
        browser.open(base() + "#/rooms/" + LIVE_ROOM);
        assertThat(browser.attribute("[data-status]", "data-status")).isEqualTo("live");
        assertThat(browser.all("#following")).hasSize(1);
        browser.screenshot("room-live");
        long before = Long.parseLong(browser.attribute("#online-chart", "data-sum"));
        String viewersBefore = kpi("viewers");
        long at = Instant.now().getEpochSecond();
        List<IngestEvent> arrivals = new ArrayList<>();
        for (int viewer = 100; viewer < 110; viewer++) {
            arrivals.addAll(session(LIVE_ROOM, viewer, at - 50, at, false));
        }
        JsonNode seriesBefore = api("/Api/RoomStat/getOnlineSeries/1.0.0", "{\"room_id\":" + LIVE_ROOM + "}");
        ingest(account.ingestKey(), Events.body(arrivals));
        long acknowledged = System.nanoTime();
        JsonNode seriesAfter = api("/Api/RoomStat/getOnlineSeries/1.0.0", "{\"room_id\":" + LIVE_ROOM + "}");
        assertThat(sum(seriesAfter, "online")).as("the API's series grows").isGreaterThan(sum(seriesBefore, "online"));
        browser.waitFor(Duration.ofSeconds(5),
                () -> Long.parseLong(browser.attribute("#online-chart", "data-sum")) > before);
        assertThat(Duration.ofNanos(System.nanoTime() - acknowledged)).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(Long.parseLong(kpi("viewers"))).isEqualTo(Long.parseLong(viewersBefore) + 10);
        assertNoConsoleErrors();
    }

    @Test
    @Order(8)
    void englishIsOneClickAway() {
        browser.open(base() + "#/overview");
        assertThat(browser.find("#nav a").getText()).isEqualTo("概览");
        browser.load(() -> browser.find("#lang").click());
        assertThat(browser.find("#nav a").getText()).isEqualTo("Overview");
        assertThat(browser.find("[data-kpi='live-rooms'] .kpi-label").getText()).isEqualTo("Live now");
        browser.screenshot("overview-en");
        browser.load(() -> browser.find("#lang").click());
        assertThat(browser.find("#nav a").getText()).isEqualTo("概览");
        assertNoConsoleErrors();
    }

    @Test
    @Order(9)
    void signingOutAsksForAKeyAndAWrongOneIsRefused() {
        browser.open(base() + "#/overview");
        browser.load(() -> browser.find("#signout").click());
        assertThat(browser.js("return sessionStorage.getItem('watchtime.key')")).isNull();
        assertThat(browser.all("#signin")).hasSize(1);
        browser.screenshot("signin");
        assertNoConsoleErrors();

        WebElement key = browser.find("#key");
        key.sendKeys("wt_not-a-key");
        browser.find("#signin button[type=submit]").click();
        browser.waitFor(Duration.ofSeconds(10), () -> !browser.all(".signin-note .message-error").isEmpty());
        assertThat(browser.find(".signin-note").getText()).isEqualTo("Key 无效或已吊销");
        // The refused request is the one error the browser reports, by its own choice.
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("401"));

        browser.find("#key").clear();
        browser.find("#key").sendKeys(account.readKey());
        browser.load(() -> browser.find("#signin button[type=submit]").click());
        assertThat(browser.find("body").getDomAttribute("data-page")).isEqualTo("overview");
        assertNoConsoleErrors();
    }
}
