package io.watchtime.client.viewing;

import io.watchtime.protocol.DurationList;

/**
 * Plain page numbers, for a descending pull from a server without the cursor: exact on a quiet data set,
 * while records that change meanwhile can shift between pages (a sync walks ascending, never like this).
 */
final class PageNumberWalk implements PlainWalk {

    private final Viewings viewings;
    private final ViewingFilter filter;
    private final int pageSize;
    private long page = 1;
    private long delivered;

    PageNumberWalk(Viewings viewings, ViewingFilter filter, int pageSize) {
        this.viewings = viewings;
        this.filter = filter;
        this.pageSize = pageSize;
    }

    @Override
    public Batch next() {
        return continueFromFirstPage(viewings.page(Viewings.request(filter, page, pageSize)));
    }

    /** Takes the answer for the current page (page 1 when called from outside). */
    @Override
    public Batch continueFromFirstPage(DurationList answer) {
        delivered += answer.list().size();
        boolean last = answer.list().size() < pageSize || page * pageSize >= answer.total();
        page++;
        return new Batch(answer.list(), null, last, Math.max(0, answer.total() - delivered));
    }

    @Override
    public String strategy() {
        return "pages";
    }
}
