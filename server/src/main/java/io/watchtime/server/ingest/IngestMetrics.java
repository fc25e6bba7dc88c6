package io.watchtime.server.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.watchtime.protocol.IngestAck;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What an operator watches of ingest, at {@code /actuator/prometheus}: events applied and ignored, the queue, the
 * size of each group, how long commits and the account locks take, retried conflicts and failed groups. Requests,
 * their latency and their 429s and 503s are Spring's {@code http_server_requests}; the pool is Hikari's.
 */
final class IngestMetrics {

    private final Counter applied;
    private final Counter ignored;
    private final DistributionSummary groupEvents;
    private final Timer commit;
    private final Timer lockWait;
    private final Counter retries;
    private final Counter failedGroups;

    IngestMetrics(MeterRegistry registry, AtomicInteger queuedEvents) {
        applied = Counter.builder("watchtime.ingest.events").tag("result", "applied")
                .description("events that changed a record, a session or a room").register(registry);
        ignored = Counter.builder("watchtime.ingest.events").tag("result", "ignored")
                .description("events that changed nothing: re-sent, duplicated or late").register(registry);
        registry.gauge("watchtime.ingest.queue.events", queuedEvents);
        groupEvents = DistributionSummary.builder("watchtime.ingest.group.events")
                .description("events committed together in one transaction").register(registry);
        commit = Timer.builder("watchtime.ingest.commit").publishPercentileHistogram()
                .description("one group's transaction, from the first lock to the commit").register(registry);
        lockWait = Timer.builder("watchtime.ingest.lock.wait").publishPercentileHistogram()
                .description("time a group waited for its accounts' locks (other nodes writing them)").register(registry);
        retries = Counter.builder("watchtime.ingest.conflicts.retried")
                .description("groups retried after a deadlock or serialisation failure").register(registry);
        failedGroups = Counter.builder("watchtime.ingest.groups.failed")
                .description("groups rolled back and answered 503").register(registry);
    }

    void committed(Collection<IngestAck> acks, long nanos) {
        long events = 0;
        for (IngestAck ack : acks) {
            applied.increment(ack.applied());
            ignored.increment(ack.ignored());
            events += ack.received();
        }
        groupEvents.record(events);
        commit.record(nanos, TimeUnit.NANOSECONDS);
    }

    void lockWaited(long nanos) {
        lockWait.record(nanos, TimeUnit.NANOSECONDS);
    }

    void retried() {
        retries.increment();
    }

    void failed() {
        failedGroups.increment();
    }
}
