package io.watchtime.client.viewing;

import io.watchtime.client.WatchtimeException;
import io.watchtime.protocol.DurationList;
import io.watchtime.protocol.ViewingRecord;
import java.util.List;
import java.util.function.Supplier;

/**
 * Walks with Watchtime's cursor extension: each answer says where the next page starts, so pages neither
 * shift nor overlap while records change. When the first answer has no {@code next_cursor} key the server
 * does not speak the extension, and the walk hands over to {@code fallback}, giving it that answer (a valid
 * page 1 of the same filter). A cursor the server no longer accepts (400 naming {@code cursor}) starts the
 * walk again from its lower bound: records come again, none is lost.
 */
final class CursorWalk implements Walk {

    private static final System.Logger LOG = System.getLogger(CursorWalk.class.getName());

    private final Viewings viewings;
    private final ViewingFilter filter;
    private final int pageSize;
    private final Supplier<PlainWalk> fallback;
    /** The cursor of the next request: moves on as soon as a page's head is read. */
    private String cursor;
    /** Records bound so far, for the estimate of what remains; only binding touches it, in page order. */
    private long delivered;
    private PlainWalk fellBackTo;

    CursorWalk(Viewings viewings, ViewingFilter filter, String cursor, int pageSize,
               Supplier<PlainWalk> fallback) {
        this.viewings = viewings;
        this.filter = filter;
        this.cursor = cursor;
        this.pageSize = pageSize;
        this.fallback = fallback;
    }

    @Override
    public Batch next() {
        return fetch().bind();
    }

    /**
     * Asks for the next page and reads only its head: the cursor it gives is all the next request needs, so the
     * list is bound later, by {@link Fetched#bind()}. The batch's position is handed out with its records only.
     */
    @Override
    public Fetched fetch() {
        if (fellBackTo != null) {
            return fellBackTo.fetch();
        }
        UnboundCursorPage page;
        try {
            page = viewings.unboundPage(Viewings.request(filter, 1, pageSize), cursor);
        } catch (WatchtimeException e) {
            if (e.status() != 400 || cursor.isEmpty() || !e.msg().contains("cursor")) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "the server refused the stored cursor ({0}); walking again from"
                    + " update_time {1}", e.msg(), Long.toString(filter.updateTimeStart())); // no separators
            cursor = "";
            Batch restart = new Batch(List.of(), WalkPosition.cursor(filter.updateTimeStart(), ""), false, -1);
            return new Fetched(false, () -> restart);
        }
        if (!page.cursorSupported()) {
            fellBackTo = fallback.get();
            LOG.log(System.Logger.Level.INFO, "the server has no cursor extension; paging by {0}", fellBackTo.strategy());
            Batch first = fellBackTo.continueFromFirstPage(new DurationList(page.total(), page.list()));
            return new Fetched(first.last(), () -> first);
        }
        cursor = page.nextCursor();
        boolean last = cursor == null;
        WalkPosition after = last ? null : WalkPosition.cursor(filter.updateTimeStart(), cursor);
        return new Fetched(last, () -> {
            List<ViewingRecord> records = page.list();
            delivered += records.size();
            return new Batch(records, after, last, Math.max(0, page.total() - delivered));
        });
    }

    @Override
    public String strategy() {
        return fellBackTo == null ? "cursor" : fellBackTo.strategy();
    }
}
