package io.watchtime.client.viewing;

import io.watchtime.client.http.Transport;
import io.watchtime.protocol.DurationList;
import io.watchtime.protocol.DurationListRequest;
import io.watchtime.protocol.Paths;
import io.watchtime.protocol.Sort;
import io.watchtime.protocol.ViewingRecord;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** getAccountUserDurationList: one page as the contract has it, or every matching record, paging by itself. */
public final class Viewings {

    private final Transport transport;
    private final int pageSize;

    public Viewings(Transport transport, int pageSize) {
        if (pageSize < 1 || pageSize > DurationListRequest.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1.." + DurationListRequest.MAX_PAGE_SIZE);
        }
        this.transport = transport;
        this.pageSize = pageSize;
    }

    /** One page, exactly the documented call. */
    public DurationList page(DurationListRequest request) {
        return transport.post(Paths.DURATION_LIST, request, DurationList.class);
    }

    /** One page with Watchtime's cursor extension ({@code ""} starts a walk); see {@link CursorReply}. */
    public CursorReply page(DurationListRequest request, String cursor) {
        UnboundCursorPage page = unboundPage(request, cursor);
        return new CursorReply(page.total(), page.list(), page.cursorSupported(), page.nextCursor());
    }

    /** One cursor page with only its head read: its list is bound when asked for, maybe on another thread. */
    UnboundCursorPage unboundPage(DurationListRequest request, String cursor) {
        return transport.post(Paths.DURATION_LIST, request.withCursor(cursor), UnboundCursorPage::readHead);
    }

    /**
     * Every record that matches, in the filter's order, as a lazy stream that pages as it is consumed. Uses the
     * cursor where the server has one; otherwise narrowing windows (ascending) or page numbers (descending).
     */
    public Stream<ViewingRecord> all(ViewingFilter filter) {
        Walk walk = walk(filter);
        Iterator<ViewingRecord> records = new Iterator<>() {
            private Iterator<ViewingRecord> current = List.<ViewingRecord>of().iterator();
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !last) {
                    Batch batch = walk.next();
                    current = batch.records().iterator();
                    last = batch.last();
                }
                return current.hasNext();
            }

            @Override
            public ViewingRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /** A fresh walk over the filter, batch by batch (for progress, or to store where it stands). */
    public Walk walk(ViewingFilter filter) {
        return walk(filter, WalkPosition.start(filter.updateTimeStart()));
    }

    /**
     * Resumes an ascending walk where {@code from} says it stood: on the cursor, in a window, or freshly (then
     * trying the cursor first). Descending walks cannot resume.
     */
    public Walk walk(ViewingFilter filter, WalkPosition from) {
        ViewingFilter fromBound = filter.withUpdateTime(from.lowerBound(), filter.updateTimeEnd());
        if (from.cursor() == null) {
            return new WindowWalk(this, fromBound, from, pageSize);
        }
        return new CursorWalk(this, fromBound, from.cursor(), pageSize, () -> filter.sort() == Sort.ASC
                ? new WindowWalk(this, fromBound, WalkPosition.window(from.lowerBound()), pageSize)
                : new PageNumberWalk(this, fromBound, pageSize));
    }

    static DurationListRequest request(ViewingFilter filter, long page, int pageSize) {
        return new DurationListRequest(page, pageSize, filter.sort(), filter.updateTimeStart(), filter.updateTimeEnd(),
                filter.wechatUserSpaceId());
    }
}
