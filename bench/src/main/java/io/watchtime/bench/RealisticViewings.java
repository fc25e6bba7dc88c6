package io.watchtime.bench;

import io.watchtime.server.storage.ViewingRow;
import java.util.List;
import java.util.Random;

/**
 * The generated records, realistic and reproducible, in primary-key order within each account (rooms ascending):
 * rooms of 20..380 viewers (about 200 on average) started over the window {@code from..to}, each viewer's
 * {@code update_time} within 3 hours of its room's start, so many records share a second; viewers come from a
 * pool of records/5 and keep one name, place, device and store; unique (account, room, viewer) by construction.
 * Each {@link Part} is one account's records, drawn from its own seed.
 */
final class RealisticViewings {

    /**
     * {@code records} records of {@code account}, drawn from {@code seed}, in rooms numbered from {@code firstRoom}
     * (0: the account's usual numbers) of {@code roomSize} viewers each (0: 20..380 at random).
     */
    record Part(long account, long records, long seed, long firstRoom, int roomSize) {
        Part(long account, long records, long seed) {
            this(account, records, seed, 0, 0);
        }
    }

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
        "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
        "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "晓燕", "子涵", "浩然", "欣怡", "梓萱", "雨桐", "一诺"};
    private static final String[] NICKNAMES = {"CLANNAD", ":)", "梦回君乡", "hovz", "空白.", "自律", "这是个正常名", "Frost",
        "小鱼儿", "向日葵🌻", "Lucky", "追风少年", "一只猫", "momo", "阿蛮"};
    /** IP prefixes and the area ip2region gives them (checked ones first). */
    private static final String[][] PLACES = {{"123.52.16.", "河南 郑州"}, {"220.184.19.", "浙江 杭州"},
        {"183.14.2.", "广东 深圳"}, {"61.135.169.", "北京 北京"}, {"202.96.209.", "上海 上海"},
        {"218.30.64.", "陕西 西安"}, {"221.237.144.", "四川 成都"}, {"58.48.20.", "湖北 武汉"},
        {"221.226.2.", "江苏 南京"}, {"27.17.8.", "湖北 武汉"}, {"113.57.12.", "湖北 武汉"},
        {"8.8.8.", "美国"}, {"10.1.2.", ""}};
    private static final String[] DEVICES = {"iOS", "iOS", "iOS", "Android", "Android", "Android", "Android", "PC",
        "Other", ""};
    private static final String[] STORES = {"郑州二七店", "杭州西湖店", "深圳南山店", "北京朝阳店", "上海徐汇店", "西安雁塔店",
        "成都锦江店", "武汉江汉店", "南京鼓楼店", "线上商城"};

    private final List<Part> parts;
    private final long from;
    private final long to;
    private int part = -1;
    private long left;
    private Random random;
    private long viewerPool;
    private long room;
    private int inRoom;
    private int roomSize;
    private long roomStart;
    private long roomSpacing;
    private long firstRoom;

    RealisticViewings(List<Part> parts, long from, long to) {
        this.parts = parts;
        this.from = from;
        this.to = to;
    }

    /** Fills {@code r} with the next record; false when there are no more. */
    boolean next(ViewingRow r) {
        while (left == 0) {
            if (++part == parts.size()) {
                return false;
            }
            Part p = parts.get(part);
            left = p.records();
            random = new Random(p.seed());
            viewerPool = Math.max(Math.max(1_000, p.records() / 5), p.roomSize());
            firstRoom = p.firstRoom() > 0 ? p.firstRoom() : 1_000_000_000L + p.account() * 10_000_000L;
            room = firstRoom - 1;
            roomSpacing = Math.max(1, (to - 5 * 3600 - from) / Math.max(1, p.records() / 200));
            inRoom = 0;
            roomSize = 0;
        }
        if (inRoom == roomSize) {
            room++;
            inRoom = 0;
            int size = parts.get(part).roomSize();
            roomSize = (int) Math.min(left, size > 0 ? size : 20 + random.nextInt(361));
            roomStart = Math.min(to - 5 * 3600, from + (room - firstRoom) * roomSpacing + random.nextInt(3600));
        }
        long account = parts.get(part).account();
        int j = inRoom++;
        left--;
        // injective in j for one room: 7919 is prime and does not divide viewerPool unless it is a multiple
        long pool = viewerPool % 7919 == 0 ? viewerPool + 1 : viewerPool;
        long index = Math.floorMod(j * 7919L + room * 104_729L, pool);
        long viewer = 20_000_000L + index;
        Random self = new Random(viewer * 31 + account); // one viewer keeps one name, place, phone, store
        r.accountId = account;
        r.roomId = room;
        r.viewerId = viewer;
        boolean named = self.nextInt(10) < 9;
        r.viewerName = !named ? "" : self.nextInt(3) == 0 ? NICKNAMES[self.nextInt(NICKNAMES.length)]
                : SURNAMES[self.nextInt(SURNAMES.length)] + GIVEN[self.nextInt(GIVEN.length)];
        r.viewerPhoto = named ? "https://nyfs-alpha.oss-cn-hangzhou.aliyuncs.com/Uploads/WxHeadImg2023/g/" + viewer + ".jpg"
                : "";
        boolean wechat = self.nextInt(10) < 3;
        r.thirdUuid = wechat ? "crm-" + viewer : "";
        r.wxAppid = wechat ? "wx8d2c6b1a0e3f4a57" : null;
        r.wxOpenid = wechat ? "oX" + Long.toHexString(viewer * 7919) : null;
        r.wxUnionid = wechat ? "uN" + Long.toHexString(viewer * 104_729) : null;
        String[] place = PLACES[self.nextInt(PLACES.length)];
        r.ip = place[0] + (1 + self.nextInt(254));
        r.area = place[1];
        r.device = DEVICES[self.nextInt(DEVICES.length)];
        boolean channel = self.nextInt(10) < 7;
        int store = self.nextInt(STORES.length);
        r.channelId = channel ? 3_128_500 + store : 0;
        r.channelName = channel ? STORES[store] : "";
        r.storeId = channel && store < 9 ? "S" + (1001 + store) : "";
        boolean invited = random.nextInt(5) == 0;
        r.inviterId = invited ? 20_000_000L + random.nextInt((int) Math.min(viewerPool, Integer.MAX_VALUE)) : 0;
        if (r.inviterId == viewer) {
            r.inviterId = 0;
        }
        r.inviterName = r.inviterId != 0 && random.nextBoolean() ? SURNAMES[random.nextInt(SURNAMES.length)]
                + GIVEN[random.nextInt(GIVEN.length)] : "";
        long live = (long) (random.nextDouble() * random.nextDouble() * 7200);
        long playback = random.nextInt(4) == 0 ? random.nextInt(1800) : 0;
        r.liveDuration = live;
        r.playbackDuration = playback;
        r.stayDuration = live + playback + random.nextInt(300); // stay >= live + playback
        r.firstVisit = roomStart + random.nextInt(3 * 3600);
        r.lastVisit = Math.min(to, r.firstVisit + random.nextInt(3600));
        r.creditedUntil = r.lastVisit;
        r.updateTime = Math.min(to, r.lastVisit + random.nextInt(60)); // often shared by several records: ties
        return true;
    }
}
