package io.watchtime.client.viewing;

import io.watchtime.client.WatchtimeException;
import io.watchtime.protocol.DurationList;
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
    private String cursor;
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
        if (fellBackTo != null) {
            return fellBackTo.next();
        }
        CursorReply page;
        try {
            page = viewings.page(Viewings.request(filter, 1, pageSize), cursor);
        } catch (WatchtimeException e) {
            if (e.status() != 400 || cursor.isEmpty() || !e.msg().contains("cursor")) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "the server refused the stored cursor ({0}); walking again from"
                    + " update_time {1}", e.msg(), filter.updateTimeStart());
            cursor = "";
            return new Batch(List.of(), WalkPosition.cursor(filter.updateTimeStart(), ""), false, -1);
        }
        if (!page.cursorSupported()) {
            fellBackTo = fallback.get();
            LOG.log(System.Logger.Level.INFO, "the server has no cursor extension; paging by {0}", fellBackTo.strategy());
            return fellBackTo.continueFromFirstPage(new DurationList(page.total(), page.list()));
        }
        delivered += page.list().size();
        cursor = page.nextCursor();
        boolean last = cursor == null;
        return new Batch(page.list(), last ? null : WalkPosition.cursor(filter.updateTimeStart(), cursor), last,
                Math.max(0, page.total() - delivered));
    }

    @Override
    public String strategy() {
        return fellBackTo == null ? "cursor" : fellBackTo.strategy();
    }
}
