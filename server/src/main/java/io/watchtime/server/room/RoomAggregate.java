package io.watchtime.server.room;

import io.watchtime.server.room.RoomAnswers.DeviceStats;
import io.watchtime.server.room.RoomAnswers.RankingItem;
import io.watchtime.server.room.RoomAnswers.StayBucket;
import io.watchtime.server.room.RoomRequests.Ranking.By;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the summary, the device counts and the three rankings say about one room's records, gathered in one
 * pass over them: the room's page asks for all five at once, and each would otherwise read all of the room's rows.
 */
final class RoomAggregate {

    /** Stay buckets: label and lower bound in seconds; each runs to the next one's bound. */
    private static final String[] STAY_LABELS = {"<1m", "1-5m", "5-15m", "15-30m", "30-60m", ">=60m"};
    private static final long[] STAY_FROM = {0, 60, 300, 900, 1800, 3600};

    private long viewers;
    private long stay;
    private long live;
    private long playback;
    private final long[] buckets = new long[STAY_FROM.length];
    /** pc, android, ios, other. */
    private final long[] devices = new long[4];
    private final Map<By, Map<String, Group>> groups = new EnumMap<>(By.class);
    /** The newest and the oldest records by (update_time, viewer_id), for the first pages of the room. */
    private final Ends ends = new Ends();
    /** Each ranking once sorted (a room can have tens of thousands of inviters), then shared by the calls. */
    private final Map<By, List<RankingItem>> rankings = new ConcurrentHashMap<>();

    RoomAggregate() {
        for (By by : By.values()) {
            groups.put(by, new HashMap<>());
        }
    }

    /** One record of the room. */
    void add(long viewerId, long updateTime, String device, String area, String storeId, String channelName,
            long inviterId, String inviterName, long stayDuration, long liveDuration, long playbackDuration) {
        ends.add(new Position(updateTime, viewerId));
        viewers++;
        stay += stayDuration;
        live += liveDuration;
        playback += playbackDuration;
        int bucket = 0;
        while (bucket + 1 < STAY_FROM.length && stayDuration >= STAY_FROM[bucket + 1]) {
            bucket++;
        }
        buckets[bucket]++;
        devices[switch (device == null ? "" : device) {
            case "PC" -> 0;
            case "Android" -> 1;
            case "iOS" -> 2;
            default -> 3; // "" (unknown) and Other
        }]++;
        String province = area == null ? "" : area.trim().split(" ", 2)[0];
        group(By.PROVINCE, province, province, stayDuration);
        String store = storeId == null ? "" : storeId.trim();
        group(By.STORE, store, channelName, stayDuration);
        group(By.INVITER, inviterId == 0 ? "" : Long.toString(inviterId), inviterName, stayDuration);
    }

    private void group(By by, String key, String name, long stayDuration) {
        groups.get(by).computeIfAbsent(key, Group::new).add(key.isEmpty() || name == null ? "" : name, stayDuration);
    }

    long viewers() {
        return viewers;
    }

    long stay() {
        return stay;
    }

    long live() {
        return live;
    }

    long playback() {
        return playback;
    }

    List<StayBucket> stayDistribution() {
        List<StayBucket> distribution = new ArrayList<>();
        for (int i = 0; i < STAY_LABELS.length; i++) {
            distribution.add(new StayBucket(STAY_LABELS[i], buckets[i]));
        }
        return distribution;
    }

    DeviceStats devices() {
        return new DeviceStats(devices[0], devices[1], devices[2], devices[3]);
    }

    /**
     * Most viewers first, ties by stay, then key. "河南 郑州" and "河南 洛阳" are one province; a store or inviter
     * seen under two names is one entry, named by the name most of its viewers carry; unknown ones ("" or 0) make
     * one entry with key "".
     */
    List<RankingItem> ranking(By by, int limit) {
        List<RankingItem> all = rankings.computeIfAbsent(by, b -> groups.get(b).values().stream()
                .sorted(Comparator.comparingLong((Group g) -> g.viewers).reversed()
                        .thenComparing(Comparator.comparingLong((Group g) -> g.stay).reversed())
                        .thenComparing(g -> g.key))
                .limit(RoomRequests.MAX_RANKING)
                .map(g -> new RankingItem(g.key, g.name(), g.viewers, g.stay))
                .toList());
        return all.subList(0, Math.min(limit, all.size()));
    }

    /**
     * The positions at {@code offset .. offset + limit} of the room's records in the order of
     * getRoomUserDurationList, or null when that page is beyond the ends kept.
     */
    List<Position> page(boolean ascending, long offset, int limit) {
        return ends.page(ascending, offset, limit);
    }

    /** A record's place in the room's order. */
    record Position(long updateTime, long viewerId) {
        static final Comparator<Position> ORDER = Comparator.comparingLong(Position::updateTime)
                .thenComparingLong(Position::viewerId);
    }

    /** The {@link #KEPT} first and last positions of the room, each end in a heap while the rows go by. */
    private static final class Ends {
        static final int KEPT = 500;
        final PriorityQueue<Position> newest = new PriorityQueue<>(Position.ORDER); // head: the oldest of them
        final PriorityQueue<Position> oldest = new PriorityQueue<>(Position.ORDER.reversed()); // head: the newest

        void add(Position p) {
            newest.add(p);
            if (newest.size() > KEPT) {
                newest.poll();
            }
            oldest.add(p);
            if (oldest.size() > KEPT) {
                oldest.poll();
            }
        }

        List<Position> page(boolean ascending, long offset, int limit) {
            PriorityQueue<Position> end = ascending ? oldest : newest;
            long size = end.size();
            if (offset + limit > KEPT && size == KEPT) {
                return null; // beyond the kept end of a room that may hold more
            }
            List<Position> sorted = new ArrayList<>(end);
            sorted.sort(ascending ? Position.ORDER : Position.ORDER.reversed());
            return List.copyOf(sorted.subList((int) Math.min(offset, size), (int) Math.min(offset + limit, size)));
        }
    }

    /** One entry of a ranking: its viewers, their stay, and how many carried each name. */
    private static final class Group {
        final String key;
        final Map<String, Long> names = new HashMap<>(2);
        long viewers;
        long stay;

        Group(String key) {
            this.key = key;
        }

        void add(String name, long stayDuration) {
            viewers++;
            stay += stayDuration;
            names.merge(name, 1L, Long::sum);
        }

        /** The name most viewers carry; of equally common ones the least, so that the answer does not vary. */
        String name() {
            return names.entrySet().stream()
                    .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                            Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse("");
        }
    }
}
