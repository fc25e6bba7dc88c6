package io.watchtime.client.viewing;

import io.watchtime.protocol.Sort;

/**
 * Which records to pull: the contract's filter without paging. Immutable; each {@code with} method returns a
 * new filter. Zero means "unbounded" / "every viewer", as in the contract.
 */
public record ViewingFilter(Sort sort, long updateTimeStart, long updateTimeEnd, long wechatUserSpaceId) {

    /** Every record of the account, oldest change first. */
    public static final ViewingFilter ALL = new ViewingFilter(Sort.ASC, 0, 0, 0);

    public ViewingFilter {
        if (sort == null) {
            throw new IllegalArgumentException("sort is required");
        }
        if (updateTimeStart < 0 || updateTimeEnd < 0 || wechatUserSpaceId < 0) {
            throw new IllegalArgumentException("update times and the viewer id must not be negative");
        }
        if (updateTimeStart > 0 && updateTimeEnd > 0 && updateTimeStart > updateTimeEnd) {
            throw new IllegalArgumentException("update_time_start " + updateTimeStart + " is after update_time_end "
                    + updateTimeEnd);
        }
    }

    public ViewingFilter withSort(Sort newSort) {
        return new ViewingFilter(newSort, updateTimeStart, updateTimeEnd, wechatUserSpaceId);
    }

    /** Records changed in [start, end], unix seconds inclusive; 0 leaves that side open. */
    public ViewingFilter withUpdateTime(long start, long end) {
        return new ViewingFilter(sort, start, end, wechatUserSpaceId);
    }

    public ViewingFilter withViewer(long newWechatUserSpaceId) {
        return new ViewingFilter(sort, updateTimeStart, updateTimeEnd, newWechatUserSpaceId);
    }
}
