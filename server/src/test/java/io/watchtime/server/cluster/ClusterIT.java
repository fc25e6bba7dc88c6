package io.watchtime.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.account.AccountsOn;
import io.watchtime.server.support.HttpTest.TestAccount;
import io.watchtime.server.support.RedisProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Three nodes started by {@code deploy/cluster.sh} behind HAProxy, on one PostgreSQL database and a Redis of the
 * test's own (so that it can be stopped), every request through the balancer (issue 9, item 5). Runs after
 * {@code package} (failsafe), as the script starts the runnable jar; haproxy, PostgreSQL or Redis missing fails it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private RedisProcess redis;
    private Cluster cluster;
    private Balancer balancer;
    private TestAccount hour;

    @BeforeAll
    void start() throws Exception {
        redis = RedisProcess.start();
        cluster = Cluster.start("three", 3, redis.url());
        balancer = new Balancer(cluster.port());
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }

    @Test
    @Order(1)
    void fourSendersOverThreeNodesGiveWhatOneNodeGives() throws Exception {
        SimulatedHour events = new SimulatedHour(20261203);
        Map<String, JsonNode> oneNode;
        try (Cluster single = Cluster.start("one", 1, redis.url())) {
            TestAccount account = AccountsOn.newAccount(single.jdbcUrl());
            Balancer one = new Balancer(single.port());
            for (int m = 0; m < SimulatedHour.MINUTES; m++) {
                send(one, account, events.roomEvents(m));
                for (int s = 0; s < SimulatedHour.SENDERS; s++) {
                    send(one, account, events.viewerEvents(s, m));
                }
            }
            oneNode = one.walk(account.readKey());
        }

        hour = AccountsOn.newAccount(cluster.jdbcUrl());
        ExecutorService senders = Executors.newFixedThreadPool(SimulatedHour.SENDERS);
        try {
            for (int m = 0; m < SimulatedHour.MINUTES; m++) {
                send(balancer, hour, events.roomEvents(m));
                List<Future<?>> sent = new ArrayList<>();
                for (int s = 0; s < SimulatedHour.SENDERS; s++) {
                    List<IngestEvent> batch = events.viewerEvents(s, m);
                    sent.add(senders.submit(() -> {
                        send(balancer, hour, batch);
                        return null;
                    }));
                }
                for (Future<?> f : sent) {
                    f.get();
                }
            }
        } finally {
            senders.shutdownNow();
        }
        Map<String, JsonNode> threeNodes = balancer.walk(hour.readKey());
        assertThat(oneNode).as("records of %d events, one node", events.events()).hasSizeGreaterThan(2000);
        assertThat(threeNodes.keySet()).isEqualTo(oneNode.keySet());
        for (Map.Entry<String, JsonNode> e : oneNode.entrySet()) {
            assertThat(threeNodes.get(e.getKey())).as("record %s, field by field", e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(balancer.failedAttempts).as("no request failed while every node was up").hasValue(0);
    }

    @Test
    @Order(2)
    void aFullWalkThroughTheBalancerGivesEachRecordOnceByPositionsInRedis() throws Exception {
        assertThat(hour).as("needs the records of the simulated hour").isNotNull();
        Map<String, JsonNode> walked = balancer.walk(hour.readKey()); // fails on a record met twice or a wrong total
        assertThat(walked).hasSizeGreaterThan(2000);
        List<String> positions = redis.commands(c -> c.keys("watchtime:walk:" + hour.id() + ":*"));
        assertThat(positions).as("the walk's next-page positions are kept in Redis, for any node").isNotEmpty();
    }

    @Test
    @Order(3)
    void aNodeKilledMidIngestLosesNoAcknowledgedBatchAndTheOthersKeepServing() throws Exception {
        new KilledNode(cluster, AccountsOn.newAccount(cluster.jdbcUrl())).run();
    }

    @Test
    @Order(4)
    void fifteenHundredRequestsInFiveSecondsGetExactlyOneThousandAccepted() throws Exception {
        Burst.send(balancer, newReadKey(), 1500, 5000).assertExactLimit(1000);
    }

    @Test
    @Order(5)
    void withRedisStoppedEveryRequestIsAnsweredAndTheLimitIsExactOnceItIsBack() throws Exception {
        try {
            Burst stoppedMidway = Burst.send(balancer, newReadKey(), 1500, 5000, redis::stop);
            stoppedMidway.assertAnsweredWithoutError();
            Burst away = Burst.send(balancer, newReadKey(), 1500, 5000);
            away.assertAnsweredWithoutError();
            assertThat(away.accepted()).as("each node alone at 1000 / 3 = 333: never unlimited").isBetween(1, 999);
        } finally {
            redis.restart();
        }
        // A node tries Redis again on a request at least a second after its last failure, and requests it takes
        // while that try connects are still limited alone: ten requests a node over three seconds bring each back.
        Burst.send(balancer, newReadKey(), 30, 3000).assertAnsweredWithoutError();
        Burst.send(balancer, newReadKey(), 1500, 5000).assertExactLimit(1000);
    }

    private String newReadKey() {
        return AccountsOn.newAccount(cluster.jdbcUrl()).readKey();
    }

    private static void send(Balancer to, TestAccount account, List<IngestEvent> batch) throws InterruptedException {
        if (!batch.isEmpty()) {
            to.ingest(account.ingestKey(), batch);
        }
    }
}
