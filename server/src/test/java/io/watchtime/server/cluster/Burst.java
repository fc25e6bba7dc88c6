package io.watchtime.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.server.cluster.Balancer.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@code count} queries of one account spread evenly over a few seconds through the balancer, and their answers. */
final class Burst {

    /** Every answer should come within this, Redis there or not (its timeout is 500 ms). */
    private static final long ANSWER_WITHIN_MILLIS = 2000;

    private final List<Answer> answers;
    private final long millis;

    private Burst(List<Answer> answers, long millis) {
        this.answers = answers;
        this.millis = millis;
    }

    static Burst send(Balancer balancer, String readKey, int count, long overMillis) throws Exception {
        return send(balancer, readKey, count, overMillis, () -> { });
    }

    /** The same, running {@code midway} (stopping something, say) once half the requests are sent. */
    static Burst send(Balancer balancer, String readKey, int count, long overMillis, Midway midway) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Future<Answer>> sent = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                long due = t0 + i * overMillis * 1_000_000L / count;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                if (i == count / 2) {
                    midway.run();
                }
                sent.add(pool.submit(() -> balancer.list(readKey, 1, 1)));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : sent) {
                answers.add(f.get());
            }
            return new Burst(answers, (System.nanoTime() - t0) / 1_000_000);
        } finally {
            pool.shutdownNow();
        }
    }

    interface Midway {
        void run() throws Exception;
    }

    int accepted() {
        return (int) answers.stream().filter(Answer::accepted).count();
    }

    /** Only 200s and 429s with a Retry-After, each within 2 s: no 500, no cut connection, no hang. */
    void assertAnsweredWithoutError() {
        assertThat(answers).as("answers other than 200 or 429").filteredOn(a -> a.status() != 200 && a.status() != 429)
                .isEmpty();
        assertThat(answers).as("429s without Retry-After").filteredOn(a -> a.status() == 429)
                .allSatisfy(a -> assertThat(a.retryAfter()).isNotNull().matches("[1-9][0-9]*"));
        assertThat(answers).as("answers slower than %d ms", ANSWER_WITHIN_MILLIS)
                .filteredOn(a -> a.millis() > ANSWER_WITHIN_MILLIS).isEmpty();
    }

    /** Exactly {@code limit} accepted, every other one a 429 with Retry-After, all inside one 10 s window. */
    void assertExactLimit(int limit) {
        assertThat(millis).as("the burst must fit in the 10 s window to test the limit").isLessThan(9500);
        assertAnsweredWithoutError();
        assertThat(accepted()).as("accepted of %d in %d ms", answers.size(), millis).isEqualTo(limit);
    }
}
