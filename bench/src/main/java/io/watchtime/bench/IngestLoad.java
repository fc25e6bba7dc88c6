package io.watchtime.bench;

import io.watchtime.protocol.Paths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjDoubleConsumer;

/**
 * Events through {@code POST /ingest/v1/events} from several senders, each a simulated audience of its own
 * rooms: every sender keeps {@value #WATCHERS} watchers over {@value #ROOMS} live rooms, each watcher sends a
 * heartbeat every 30 s of simulated time, leaves after a while (two in three with {@code leave}, the others
 * just go silent) and is replaced by a new viewer's {@code enter} (ip, user agent, name, photo, store, and
 * sometimes WeChat ids and an inviter). Simulated time starts 2 hours ago and runs as fast as the server
 * acknowledges, never past the real clock; every event carries its {@code at}. A batch counts once its 200
 * reply arrives (the server answers after the commit); a 503 is retried after a pause (safe: events have {@code at}).
 */
final class IngestLoad {

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

    private final HttpClient http;
    private final String base;
    private final String key;
    private final int senders;
    private final int batch;
    private final int seconds;

    IngestLoad(HttpClient http, String base, String key, int senders, int batch, int seconds) {
        this.http = http;
        this.base = base;
        this.key = key;
        this.senders = senders;
        this.batch = batch;
        this.seconds = seconds;
    }

    void run(ObjDoubleConsumer<String> result) throws Exception {
        AtomicLong events = new AtomicLong();
        AtomicLong applied = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        List<List<Double>> latencies = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        long runId = System.currentTimeMillis() / 1000;
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            List<Double> ms = new ArrayList<>();
            latencies.add(ms);
            Audience audience = new Audience(s, runId);
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < until) {
                        String body = audience.batch(batch);
                        if (body == null) { // caught up with the real clock
                            Thread.sleep(200);
                            continue;
                        }
                        while (true) {
                            long t0 = System.nanoTime();
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + Paths.INGEST))
                                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                            double took = (System.nanoTime() - t0) / 1e6;
                            if (r.statusCode() == 200) {
                                ms.add(took);
                                events.addAndGet(number(r.body(), "received"));
                                applied.addAndGet(number(r.body(), "applied"));
                                break;
                            }
                            if (r.statusCode() != 503 && r.statusCode() != 429) {
                                throw new IllegalStateException("ingest: HTTP " + r.statusCode() + " " + r.body());
                            }
                            retries.incrementAndGet();
                            Thread.sleep(100);
                        }
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        long shown = System.nanoTime();
        for (Thread t : threads) {
            while (t.isAlive()) {
                t.join(1000);
                if (System.nanoTime() - shown > 10_000_000_000L) {
                    shown = System.nanoTime();
                    double s = (shown - start) / 1e9;
                    System.err.printf("  ingest: %,d events acknowledged in %.0f s (%,.0f /s)%n", events.get(), s,
                            events.get() / s);
                }
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] all = latencies.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        double rate = events.get() / elapsed;
        System.err.printf("  ingest: %d senders, batches of %d, %.0f s: %,d events acknowledged (%,d applied), %,.0f"
                        + " events/s, ack p50 %.0f ms p99 %.0f ms, %d retried (503/429)%n", senders, batch, elapsed,
                events.get(), applied.get(), rate, Scale.percentile(all, 50), Scale.percentile(all, 99), retries.get());
        result.accept("ingest.events_per_s", rate);
        result.accept("ingest.ack_p50", Scale.percentile(all, 50));
        result.accept("ingest.ack_p99", Scale.percentile(all, 99));
        result.accept("ingest.events", events.get());
        result.accept("ingest.applied", applied.get());
        result.accept("ingest.retries", retries.get());
        result.accept("ingest.senders", senders);
        result.accept("ingest.batch", batch);
    }

    private static long number(String body, String name) {
        int i = body.indexOf("\"" + name + "\":");
        return Long.parseLong(body.substring(i + name.length() + 3).split("[,}]")[0].trim());
    }

    /** One sender's rooms and watchers, as simulated time goes by one second at a time. */
    private static final class Audience {
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
        private final StringBuilder pending = new StringBuilder();
        private int pendingCount;

        Audience(int sender, long runId) {
            this.random = new Random(runId * 31 + sender);
            this.firstRoom = 7_000_000_000L + sender * 1_000_000L + (runId % 1000) * 1000;
            this.firstViewer = 40_000_000L + sender * 10_000_000L;
            this.sessionPrefix = runId + "-" + sender + "-";
            this.now = System.currentTimeMillis() / 1000 - 7200;
        }

        /** The next batch as JSON, or null when simulated time has caught up with the clock. */
        String batch(int size) {
            StringBuilder out = new StringBuilder(size * 200).append("{\"events\":[");
            int n = 0;
            if (pendingCount > 0) {
                out.append(pending);
                n = pendingCount;
                pending.setLength(0);
                pendingCount = 0;
            }
            while (n < size) {
                if (now >= System.currentTimeMillis() / 1000) {
                    if (n == 0) {
                        return null;
                    }
                    break;
                }
                List<String> second = tick();
                for (String e : second) {
                    if (n < size) {
                        out.append(n == 0 ? "" : ",").append(e);
                        n++;
                    } else {
                        pending.append(pendingCount == 0 ? "" : ",").append(e);
                        pendingCount++;
                    }
                }
            }
            return out.append("]}").toString();
        }

        private List<String> tick() {
            List<String> events = new ArrayList<>();
            long t = ++now;
            if (!started) {
                started = true;
                for (int r = 0; r < ROOMS; r++) {
                    events.add("{\"type\":\"room_start\",\"room_id\":" + (firstRoom + r) + ",\"at\":" + (t - 60) + "}");
                }
                for (int w = 0; w < WATCHERS; w++) {
                    leaveAt[w] = t; // everyone arrives during the first 30 s
                }
            }
            for (int w = (int) (t % 30); w < WATCHERS; w += 30) {
                if (leaveAt[w] <= t) {
                    if (session[w] != 0 && random.nextInt(3) > 0) {
                        events.add(viewerEvent("leave", w, t));
                    }
                    enter(w, t, events);
                } else {
                    events.add(viewerEvent("heartbeat", w, t));
                }
            }
            return events;
        }

        private String viewerEvent(String type, int w, long t) {
            return "{\"type\":\"" + type + "\",\"room_id\":" + room[w] + ",\"wechat_user_space_id\":" + viewer[w]
                    + ",\"session_id\":\"" + sessionPrefix + session[w] + "\",\"at\":" + t
                    + (playback[w] ? ",\"mode\":\"playback\"" : "") + "}";
        }

        private void enter(int w, long t, List<String> events) {
            room[w] = firstRoom + random.nextInt(ROOMS);
            int index = random.nextInt(200_000);
            viewer[w] = firstViewer + index;
            session[w] = ++sessions;
            playback[w] = random.nextInt(5) == 0;
            leaveAt[w] = t + 30 + (long) (random.nextDouble() * random.nextDouble() * 2400);
            Random self = new Random(viewer[w]);
            StringBuilder e = new StringBuilder(400).append("{\"type\":\"enter\",\"room_id\":").append(room[w])
                    .append(",\"wechat_user_space_id\":").append(viewer[w]).append(",\"session_id\":\"")
                    .append(sessionPrefix).append(session[w]).append("\",\"at\":").append(t)
                    .append(playback[w] ? ",\"mode\":\"playback\"" : "")
                    .append(",\"ip\":\"").append(IPS[self.nextInt(IPS.length)]).append("\",\"user_agent\":\"")
                    .append(UAS[self.nextInt(UAS.length)]).append("\",\"wechat_user_name\":\"")
                    .append(NAMES[self.nextInt(NAMES.length)]).append(index % 1000)
                    .append("\",\"wechat_user_photo\":\"https://nyfs-alpha.oss-cn-hangzhou.aliyuncs.com/Uploads/WxHeadImg2023/g/")
                    .append(viewer[w]).append(".jpg\"");
            if (self.nextInt(10) < 3) {
                e.append(",\"third_uuid\":\"crm-").append(viewer[w]).append("\",\"third_wechat_info\":{\"authorizer_appid\":")
                        .append("\"wx8d2c6b1a0e3f4a57\",\"openid\":\"oX").append(Long.toHexString(viewer[w] * 7919))
                        .append("\",\"unionid\":\"uN").append(Long.toHexString(viewer[w] * 104_729)).append("\"}");
            }
            if (self.nextInt(10) < 7) {
                int store = self.nextInt(STORES.length);
                e.append(",\"channel_info\":{\"channel_id\":").append(3_128_500 + store).append(",\"channel_name\":\"")
                        .append(STORES[store]).append("\",\"store_id\":\"S").append(1001 + store).append("\"}");
            }
            if (random.nextInt(5) == 0) {
                e.append(",\"invited_wechat_user_space_id\":").append(firstViewer + random.nextInt(200_000))
                        .append(",\"invited_name\":\"").append(NAMES[random.nextInt(NAMES.length)]).append("\"");
            }
            events.add(e.append('}').toString());
        }
    }
}
