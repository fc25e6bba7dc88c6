package io.watchtime.client.viewing;

import io.watchtime.protocol.DurationList;
import io.watchtime.protocol.Sort;
import io.watchtime.protocol.ViewingRecord;
import java.util.List;

/**
 * A lossless ascending walk on the documented contract alone. It reads page 1 of {@code [lo, end]}: when that
 * is the whole window it is done; otherwise the records older than the page's last second are every record
 * of the window {@code [lo, last - 1]} (one query, one consistent read), so it keeps those and narrows to
 * {@code [last, end]}. A single second holding more than a page is paged by number on its own, and read again
 * whenever its {@code total} changes while it is being paged (a record that left it would shift the pages).
 * A record that changes moves to a later update_time, so it is met again further on.
 */
final class WindowWalk implements PlainWalk {

    private static final System.Logger LOG = System.getLogger(WindowWalk.class.getName());

    private final Viewings viewings;
    private final ViewingFilter filter;
    private final int pageSize;
    private long lo;
    /** 0: narrowing windows; from 1: the next page of the dense second {@code lo}. */
    private long densePage;
    private long denseTotal;

    WindowWalk(Viewings viewings, ViewingFilter filter, WalkPosition from, int pageSize) {
        if (filter.sort() != Sort.ASC) {
            throw new IllegalArgumentException("a window walk goes forward in time: sort must be asc");
        }
        this.viewings = viewings;
        this.filter = filter;
        this.pageSize = pageSize;
        this.lo = from.lowerBound();
        this.densePage = from.page();
        this.denseTotal = from.windowTotal();
    }

    @Override
    public Batch next() {
        if (densePage > 0) {
            ViewingFilter second = filter.withUpdateTime(lo, lo);
            return denseSecond(viewings.page(Viewings.request(second, densePage, pageSize)));
        }
        return continueFromFirstPage(viewings.page(Viewings.request(window(), 1, pageSize)));
    }

    @Override
    public Batch continueFromFirstPage(DurationList page) {
        List<ViewingRecord> list = page.list();
        if (list.size() < pageSize) {
            return new Batch(list, null, true, 0);
        }
        long lastSecond = list.get(list.size() - 1).updateTime();
        if (lastSecond > lo) {
            List<ViewingRecord> older = list.stream().filter(r -> r.updateTime() < lastSecond).toList();
            lo = lastSecond;
            return new Batch(older, WalkPosition.window(lo), false, page.total() - older.size());
        }
        densePage = 1;
        denseTotal = -1;
        return new Batch(List.of(), WalkPosition.denseSecond(lo, densePage, denseTotal), false, page.total());
    }

    private Batch denseSecond(DurationList page) {
        if (densePage == 1) {
            denseTotal = page.total();
        } else if (page.total() != denseTotal) {
            LOG.log(System.Logger.Level.INFO, "second {0} changed while it was paged (total {1} -> {2}); reading it again",
                    Long.toString(lo), Long.toString(denseTotal), Long.toString(page.total())); // no separators
            densePage = 1;
            denseTotal = -1;
            return new Batch(page.list(), WalkPosition.denseSecond(lo, densePage, denseTotal), false, page.total());
        }
        boolean secondDone = page.list().size() < pageSize || densePage * pageSize >= denseTotal;
        if (!secondDone) {
            densePage++;
            return new Batch(page.list(), WalkPosition.denseSecond(lo, densePage, denseTotal), false,
                    denseTotal - (densePage - 1) * pageSize);
        }
        densePage = 0;
        denseTotal = -1;
        if (filter.updateTimeEnd() > 0 && lo >= filter.updateTimeEnd()) {
            return new Batch(page.list(), null, true, 0);
        }
        lo++;
        return new Batch(page.list(), WalkPosition.window(lo), false, -1);
    }

    private ViewingFilter window() {
        return filter.withUpdateTime(lo, filter.updateTimeEnd());
    }

    @Override
    public String strategy() {
        return "windows";
    }
}
