package io.watchtime.client.viewing;

import io.watchtime.protocol.DurationList;

/** A walk on the documented contract alone, which can go on from a page 1 already read by someone else. */
interface PlainWalk extends Walk {

    /** Takes page 1 of the walk's own first request (page 1 of its filter, from its start) as if it had read it. */
    Batch continueFromFirstPage(DurationList firstPage);
}
