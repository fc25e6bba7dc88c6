package io.watchtime.client.viewing;

import io.watchtime.client.WatchtimeException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Fetches the next pages on a thread of its own while the caller handles the current one, so that writing
 * records and waiting for the server overlap instead of adding up. Requests stay one at a time, in order
 * (pacing is unchanged), and at most {@code depth} pages wait in memory. {@link #close()} stops the thread.
 */
public final class PrefetchingWalk implements Walk, AutoCloseable {

    /** A batch, or the failure that ended the walk. */
    private record Item(Batch batch, RuntimeException failure) {
    }

    private final Walk walk;
    private final BlockingQueue<Item> ready;
    private final Thread fetcher;
    private boolean finished;

    public PrefetchingWalk(Walk walk, int depth) {
        this.walk = walk;
        this.ready = new ArrayBlockingQueue<>(depth);
        this.fetcher = new Thread(this::fetch, "watchtime-prefetch");
        fetcher.setDaemon(true);
        fetcher.start();
    }

    private void fetch() {
        try {
            Batch batch;
            do {
                batch = walk.next();
                ready.put(new Item(batch, null));
            } while (!batch.last());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed: nobody waits for more
        } catch (RuntimeException e) {
            try {
                ready.put(new Item(null, e));
            } catch (InterruptedException closed) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Batch next() {
        if (finished) {
            throw new IllegalStateException("the walk has ended");
        }
        Item item;
        try {
            item = ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new WatchtimeException(0, "interrupted while waiting for the next page", null, e);
        }
        if (item.failure() != null) {
            finished = true;
            throw item.failure();
        }
        finished = item.batch().last();
        return item.batch();
    }

    @Override
    public String strategy() {
        return walk.strategy();
    }

    @Override
    public void close() {
        fetcher.interrupt();
    }
}
