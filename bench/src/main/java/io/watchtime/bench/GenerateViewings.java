package io.watchtime.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Random;

/**
 * Loads N realistic viewing records of one account straight into the database, in batches, to measure
 * the query at scale. The schema must exist (start the server or run its CLI once on the same URL).
 *
 * <pre>java -cp ... io.watchtime.bench.GenerateViewings --url jdbc:sqlite:FILE --account 1 --records 1000000</pre>
 */
public final class GenerateViewings {

    private static final String[] NAMES = {"CLANNAD", ":)", "梦回君乡", "hovz", "空白.", "自律", "这是个正常名", "Frost", "小鱼儿"};
    private static final String[][] PLACES = {{"123.52.16.175", "河南 郑州"}, {"220.184.19.51", "浙江 杭州"},
        {"183.14.2.8", "广东 深圳"}, {"61.135.169.121", "北京 北京"}, {"202.96.209.5", "上海 上海"}, {"8.8.8.8", "美国"},
        {"10.1.2.3", ""}};
    private static final String[] DEVICES = {"iOS", "iOS", "Android", "Android", "PC", "Other", ""};
    private static final int BATCH = 10_000;

    private GenerateViewings() {
    }

    public static void main(String[] args) throws SQLException {
        Map<String, String> options = Options.parse(args, "--url", "--account", "--records");
        long account = Long.parseLong(options.get("--account"));
        long records = Long.parseLong(options.get("--records"));
        long seconds = generate(options.get("--url"), account, records);
        System.out.printf("generated %,d records for account %d in %.1f s (%,.0f records/s)%n", records, account,
                seconds / 1e9, records / (seconds / 1e9));
    }

    /** Returns the nanoseconds taken. Rooms x viewers: about 200 viewers per room, update times over 90 days. */
    static long generate(String url, long account, long records) throws SQLException {
        Random random = new Random(account * 31 + records);
        long start = System.nanoTime();
        long now = System.currentTimeMillis() / 1000;
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO viewings (account_id, room_id, viewer_id,"
                    + " viewer_name, viewer_photo, third_uuid, wx_appid, wx_openid, wx_unionid, stay_duration,"
                    + " live_duration, playback_duration, credited_until, ip, area, device, channel_id, channel_name,"
                    + " store_id, inviter_id, inviter_name, first_visit, last_visit, update_time)"
                    + " VALUES (?, ?, ?, ?, ?, '', NULL, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?)")) {
                for (long i = 0; i < records; i++) {
                    long room = 1_000_000_000L + i / 200;
                    long viewer = 20_000_000L + i % 200 + (i / 40_000) * 200;
                    long live = random.nextInt(3600);
                    long playback = random.nextInt(4) == 0 ? random.nextInt(1800) : 0;
                    long firstVisit = now - 90 * 86_400L + random.nextInt(89 * 86_400);
                    long lastVisit = firstVisit + random.nextInt(86_400);
                    String[] place = PLACES[random.nextInt(PLACES.length)];
                    boolean channel = random.nextBoolean();
                    int p = 1;
                    s.setLong(p++, account);
                    s.setLong(p++, room);
                    s.setLong(p++, viewer);
                    s.setString(p++, NAMES[random.nextInt(NAMES.length)]);
                    s.setString(p++, "https://nyfs-alpha.oss-cn-hangzhou.aliyuncs.com/Uploads/WxHeadImg2023/g/" + viewer + ".jpg");
                    s.setLong(p++, live + playback + random.nextInt(600));
                    s.setLong(p++, live);
                    s.setLong(p++, playback);
                    s.setLong(p++, lastVisit + 60);
                    s.setString(p++, place[0]);
                    s.setString(p++, place[1]);
                    s.setString(p++, DEVICES[random.nextInt(DEVICES.length)]);
                    s.setLong(p++, channel ? 3_128_500 + random.nextInt(100) : 0);
                    s.setString(p++, channel ? "门店" + random.nextInt(100) : "");
                    s.setLong(p++, random.nextInt(5) == 0 ? 20_000_000L + random.nextInt(1000) : 0);
                    s.setString(p++, "");
                    s.setLong(p++, firstVisit);
                    s.setLong(p++, lastVisit);
                    s.setLong(p, lastVisit + random.nextInt(60)); // many records share a second: ties
                    s.addBatch();
                    if ((i + 1) % BATCH == 0 || i + 1 == records) {
                        s.executeBatch();
                        c.commit();
                        if ((i + 1) % (records / 10 == 0 ? records : records / 10) == 0) {
                            System.out.printf("  %,d / %,d records%n", i + 1, records);
                        }
                    }
                }
            }
        }
        return System.nanoTime() - start;
    }
}
