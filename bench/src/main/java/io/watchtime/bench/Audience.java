package io.watchtime.bench;

import io.watchtime.protocol.ChannelInfo;
import io.watchtime.protocol.EnterProfile;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.protocol.ThirdWechatInfo;
import io.watchtime.protocol.WatchMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One sender's simulated audience for {@link IngestLoad}: {@value #WATCHERS} watchers over {@value #ROOMS} live
 * rooms, as simulated time goes by one second at a time. Each watcher sends a heartbeat every 30 s, leaves after a
 * while (two in three with {@code leave}, the others just go silent) and is replaced by a new viewer's
 * {@code enter} (ip, user agent, name, photo, store, and sometimes WeChat ids and an inviter). Simulated time
 * starts 2 hours ago and never passes the real clock; every event carries its {@code at}.
 */
final class Audience {

    static final int WATCHERS = 20_000;
    static final int ROOMS = 200;
    private static final String[] UAS = {
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50",
        "Mozilla/5.0 (Linux; Android 14; V2307A Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x6309092b)",
        "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44"};
    private static final String[] IPS = {"123.52.16.175", "220.184.19.51", "183.14.2.8", "61.135.169.121",
        "202.96.209.5", "218.30.64.194", "221.237.144.10", "58.48.20.7", "8.8.8.8", "10.1.2.3"};
    private static final String[] NAMES = {"王芳", "李伟", "张秀英", "刘洋", "陈静", "杨磊", "CLANNAD", "小鱼儿", "梦回君乡", "Frost"};
    private static final String[] STORES = {"郑州二七店", "杭州西湖店", "深圳南山店", "北京朝阳店", "线上商城"};

    private final Random random;
    private final long firstRoom;
    private final long firstViewer;
    private final String sessionPrefix;
    private final long[] room = new long[WATCHERS];
    private final long[] viewer = new long[WATCHERS];
    private final long[] session = new long[WATCHERS];
    private final long[] leaveAt = new long[WATCHERS];
    private final boolean[] playback = new boolean[WATCHERS];
    private long sessions;
    private long now;
    private boolean started;
    /** Events of the last second that did not fit the previous batch. */
    private final List<IngestEvent> pending = new ArrayList<>();

    Audience(int sender, long runId) {
        this.random = new Random(runId * 31 + sender);
        this.firstRoom = 7_000_000_000L + sender * 1_000_000L + (runId % 1000) * 1000;
        this.firstViewer = 40_000_000L + sender * 10_000_000L;
        this.sessionPrefix = runId + "-" + sender + "-";
        this.now = System.currentTimeMillis() / 1000 - 7200;
    }

    /** The next {@code size} events (fewer when simulated time catches up with the clock), or null when none. */
    List<IngestEvent> batch(int size) {
        List<IngestEvent> out = new ArrayList<>(size);
        out.addAll(pending);
        pending.clear();
        while (out.size() < size) {
            if (now >= System.currentTimeMillis() / 1000) {
                if (out.isEmpty()) {
                    return null;
                }
                break;
            }
            for (IngestEvent e : tick()) {
                (out.size() < size ? out : pending).add(e);
            }
        }
        return out;
    }

    private List<IngestEvent> tick() {
        List<IngestEvent> events = new ArrayList<>();
        long t = ++now;
        if (!started) {
            started = true;
            for (int r = 0; r < ROOMS; r++) {
                events.add(IngestEvent.roomStart(firstRoom + r, 0, t - 60));
            }
            for (int w = 0; w < WATCHERS; w++) {
                leaveAt[w] = t; // everyone arrives during the first 30 s
            }
        }
        for (int w = (int) (t % 30); w < WATCHERS; w += 30) {
            if (leaveAt[w] <= t) {
                if (session[w] != 0 && random.nextInt(3) > 0) {
                    events.add(IngestEvent.leave(room[w], viewer[w], sessionId(w), t, mode(w)));
                }
                events.add(enter(w, t));
            } else {
                events.add(IngestEvent.heartbeat(room[w], viewer[w], sessionId(w), t, mode(w)));
            }
        }
        return events;
    }

    private String sessionId(int w) {
        return sessionPrefix + session[w];
    }

    /** Playback, or null: the session follows the room (live). */
    private WatchMode mode(int w) {
        return playback[w] ? WatchMode.PLAYBACK : null;
    }

    private IngestEvent enter(int w, long t) {
        room[w] = firstRoom + random.nextInt(ROOMS);
        int index = random.nextInt(200_000);
        viewer[w] = firstViewer + index;
        session[w] = ++sessions;
        playback[w] = random.nextInt(5) == 0;
        leaveAt[w] = t + 30 + (long) (random.nextDouble() * random.nextDouble() * 2400);
        Random self = new Random(viewer[w]); // one viewer keeps one place, phone, name and store
        EnterProfile.Builder profile = EnterProfile.builder().ip(IPS[self.nextInt(IPS.length)])
                .userAgent(UAS[self.nextInt(UAS.length)]).wechatUserName(NAMES[self.nextInt(NAMES.length)] + index % 1000)
                .wechatUserPhoto("https://nyfs-alpha.oss-cn-hangzhou.aliyuncs.com/Uploads/WxHeadImg2023/g/" + viewer[w] + ".jpg");
        if (self.nextInt(10) < 3) {
            profile.thirdUuid("crm-" + viewer[w]).thirdWechatInfo(ThirdWechatInfo.of("wx8d2c6b1a0e3f4a57",
                    "oX" + Long.toHexString(viewer[w] * 7919), "uN" + Long.toHexString(viewer[w] * 104_729)));
        }
        if (self.nextInt(10) < 7) {
            int store = self.nextInt(STORES.length);
            profile.channelInfo(ChannelInfo.of(3_128_500 + store, STORES[store], "S" + (1001 + store)));
        }
        if (random.nextInt(5) == 0) {
            profile.inviter(firstViewer + random.nextInt(200_000), NAMES[random.nextInt(NAMES.length)]);
        }
        return IngestEvent.enter(room[w], viewer[w], sessionId(w), t, mode(w), profile.build());
    }
}
