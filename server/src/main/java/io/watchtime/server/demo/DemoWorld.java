package io.watchtime.server.demo;

import io.watchtime.protocol.ChannelInfo;
import io.watchtime.protocol.EnterProfile;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.protocol.ThirdWechatInfo;
import io.watchtime.protocol.WatchMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * A made-up but lifelike account: six rooms that go live for 25 minutes of every 40 and offer the replay
 * in between, and a thousand viewers from across China on iOS, Android and PC who come through stores
 * and inviters, watch a while with a heartbeat every 30 s, and leave (or just close the page).
 * {@link #advance} yields the events of a span of time; room state follows the clock, so a restart
 * picks up where the rooms are.
 */
final class DemoWorld {

    private static final long[] ROOMS = {1248039790L, 384545650L, 1151766938L, 538626301L, 1331158277L, 256134450L};
    private static final long CYCLE = 40 * 60;
    private static final long LIVE_PART = 25 * 60;
    private static final int VIEWERS = 1000;
    private static final long FIRST_VIEWER = 20401000L;
    private static final String[] NAMES = {"CLANNAD", ":)", "梦回君乡", "hovz", "空白.", "自律", "这是个正常名", "Frost",
        "小鱼儿", "阿杰", "晴天", "橘子汽水", "老王", "Lily", "木木", "阳光男孩", "安静的猫", "追风", "一叶知秋", "Tony", "糖糖",
        "大白", "陈小姐", "阿花", "南风"};
    /** Public addresses of Chinese ISPs across many provinces (ip2region knows them). */
    private static final String[] IPS = {"123.52.16.175", "220.184.19.51", "125.41.184.58", "122.234.133.139",
        "219.155.89.99", "114.114.114.114", "221.12.31.10", "58.60.1.1", "183.14.2.8", "117.136.12.79",
        "61.135.169.121", "111.206.1.1", "202.96.209.5", "116.228.1.1", "218.30.1.1", "222.85.1.1", "27.17.1.1",
        "113.57.1.1", "59.172.1.1", "1.180.1.1", "36.110.1.1", "106.39.1.1", "175.6.1.1", "182.148.1.1"};
    private static final String[] USER_AGENTS = {
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323c) NetType/WIFI Language/zh_CN",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47 NetType/4G Language/zh_CN",
        "Mozilla/5.0 (Linux; Android 14; V2309A Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/122.0.6261.120 Mobile Safari/537.36 XWEB/1220099 MMWEBSDK/20240404 MicroMessenger/8.0.49.2600(0x28003133) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN",
        "Mozilla/5.0 (Linux; Android 12; HarmonyOS; NOH-AN00; HMSCore 6.13.0.321) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.5735.196 Mobile Safari/537.36 MicroMessenger/8.0.48",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x63090a13)",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) MicroMessenger/6.8.0(0x16080000) MacWechat/3.8.7(0x13080710) Safari/605.1.15 NetType/WIFI"};
    private static final ChannelInfo[] CHANNELS = {ChannelInfo.of(3128527, "袁", ""),
        ChannelInfo.of(3128583, "零零零零啦啦啦", ""), ChannelInfo.of(3128622, "朱小号", "ZX-01"),
        ChannelInfo.of(3128592, "bb的门店111", ""), ChannelInfo.of(3128600, "郑州二七店", "ZZ-027")};

    private record Watcher(long room, long viewer, String session, WatchMode mode, long leaveAt, boolean leaves) {
    }

    private final Random random;
    private final String runId;
    private final List<Watcher> watching = new ArrayList<>();
    private long sessions;

    DemoWorld(long seed, String runId) {
        this.random = new Random(seed);
        this.runId = runId;
    }

    /** Where every room stands at {@code at}: a start for rooms that are live, an end for the others. */
    List<IngestEvent> roomsAt(long at) {
        List<IngestEvent> events = new ArrayList<>();
        for (int i = 0; i < ROOMS.length; i++) {
            long phase = phase(i, at);
            long round = round(i, at);
            events.add(phase < LIVE_PART ? IngestEvent.roomStart(ROOMS[i], round, at - phase)
                    : IngestEvent.roomEnd(ROOMS[i], at - phase + LIVE_PART));
        }
        return events;
    }

    /** The events of (from, to], one step of {@code step} seconds at a time. */
    List<IngestEvent> advance(long from, long to, long step) {
        List<IngestEvent> events = new ArrayList<>();
        for (long t = from + step; t <= to; t += step) {
            tick(t - step, t, events);
        }
        return events;
    }

    private void tick(long from, long to, List<IngestEvent> out) {
        for (int i = 0; i < ROOMS.length; i++) {
            long phaseTo = phase(i, to);
            long length = to - from;
            if (phaseTo < length) {
                out.add(IngestEvent.roomStart(ROOMS[i], round(i, to), to - phaseTo));
            } else if (phaseTo >= LIVE_PART && phaseTo - LIVE_PART < length) {
                out.add(IngestEvent.roomEnd(ROOMS[i], to - (phaseTo - LIVE_PART)));
            }
            boolean live = phaseTo < LIVE_PART;
            double arrivalsPerSecond = live ? 0.03 : 0.005;
            if (random.nextDouble() < arrivalsPerSecond * length) {
                arrive(ROOMS[i], live, to, out);
            }
        }
        for (Iterator<Watcher> it = watching.iterator(); it.hasNext(); ) {
            Watcher w = it.next();
            if (to >= w.leaveAt()) {
                if (w.leaves()) {
                    out.add(IngestEvent.leave(w.room(), w.viewer(), w.session(), w.leaveAt(), null));
                }
                it.remove();
            } else if ((to / 30) != (from / 30)) {
                out.add(IngestEvent.heartbeat(w.room(), w.viewer(), w.session(), to, w.mode()));
            }
        }
    }

    private void arrive(long room, boolean live, long at, List<IngestEvent> out) {
        int index = random.nextInt(VIEWERS);
        long viewer = FIRST_VIEWER + index;
        String session = runId + "-" + (++sessions);
        WatchMode mode = live ? WatchMode.LIVE : (random.nextInt(4) == 0 ? WatchMode.PREVIEW : WatchMode.PLAYBACK);
        long stay = 20 + (long) (random.nextDouble() * random.nextDouble() * 1800);
        watching.add(new Watcher(room, viewer, session, mode, at + stay, random.nextInt(3) > 0));
        // A viewer keeps one phone, one home and one store: derive them from the viewer, not from chance.
        Random self = new Random(viewer);
        String ip = IPS[self.nextInt(IPS.length)];
        String userAgent = USER_AGENTS[self.nextInt(10) < 5 ? self.nextInt(2) : self.nextInt(10) < 8 ? 2 + self.nextInt(2) : 4 + self.nextInt(2)];
        ChannelInfo channel = self.nextInt(10) < 7 ? CHANNELS[self.nextInt(CHANNELS.length)] : null;
        boolean named = self.nextInt(10) < 9;
        String name = named ? NAMES[index % NAMES.length] + (index >= NAMES.length ? String.valueOf(index) : "") : null;
        String photo = named ? "https://nyfs-alpha.oss-cn-hangzhou.aliyuncs.com/Uploads/WxHeadImg2023/demo/" + viewer + ".jpg" : null;
        ThirdWechatInfo wechat = self.nextInt(10) < 3 ? ThirdWechatInfo.of("wx8d2c6b1a0e3f4a57",
                "oX" + Long.toHexString(viewer * 7919), "uN" + Long.toHexString(viewer * 104729)) : null;
        long inviter = random.nextInt(5) == 0 ? FIRST_VIEWER + random.nextInt(VIEWERS) : 0;
        boolean invited = inviter != 0 && inviter != viewer;
        out.add(IngestEvent.enter(room, viewer, session, at, mode, EnterProfile.builder().ip(ip).userAgent(userAgent)
                .wechatUserName(name).wechatUserPhoto(photo).thirdUuid(wechat == null ? null : "crm-" + viewer)
                .thirdWechatInfo(wechat).channelInfo(channel)
                .inviter(invited ? inviter : 0, invited ? NAMES[(int) (inviter - FIRST_VIEWER) % NAMES.length] : null)
                .build()));
    }

    private static long phase(int room, long at) {
        return Math.floorMod(at + room * 397L, CYCLE);
    }

    private static long round(int room, long at) {
        return Math.floorDiv(at + room * 397L, CYCLE);
    }
}
