package io.watchtime.client.viewing;

import io.watchtime.client.WatchtimeException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Fetches the next pages on a thread of its own while the caller handles the current one, so that writing
 * records and waiting for the server overlap instead of adding up. The fetching thread only reads each
 * answer's head ({@link Walk#fetch()}) and asks for the next page at once; the caller's thread binds the
 * records ({@link Walk.Fetched#bind()}), so binding one page overlaps the request for the next. Requests stay
 * one at a time, in order (pacing is unchanged), and at most {@code depth} pages wait in memory, as bytes. A
 * failure, of a request or of binding, is thrown where the caller asks for that page. {@link #close()} stops
 * the thread.
 */
public final class PrefetchingWalk implements Walk, AutoCloseable {

    /** A fetched page, or the failure that ended the walk. */
    private record Item(Walk.Fetched page, RuntimeException failure) {
    }

    private final Walk walk;
    private final BlockingQueue<Item> ready;
    private final Thread fetcher;
    private boolean finished;

    public PrefetchingWalk(Walk walk, int depth) {
        this.walk = walk;
        this.ready = new ArrayBlockingQueue<>(depth);
        this.fetcher = new Thread(this::fetchAhead, "watchtime-prefetch");
        fetcher.setDaemon(true);
        fetcher.start();
    }

    private void fetchAhead() {
        try {
            Walk.Fetched page;
            do {
                page = walk.fetch();
                ready.put(new Item(page, null));
            } while (!page.last());
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
        Batch batch;
        try {
            batch = item.page().bind();
        } catch (RuntimeException e) {
            finished = true;
            close(); // the pages fetched after this one cannot be handed out before it
            throw e;
        }
        finished = batch.last();
        return batch;
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
