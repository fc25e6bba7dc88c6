package io.watchtime.server.storage;

import java.util.List;

/** What a committed write did to an account's viewing records, for the read side to follow without reading them. */
public final class ViewingChanges {

    /** A change to one record: its update_time before ({@code 0} for a new record) and after. */
    public record Change(long viewerId, long before, long after) {
    }

    /** Told after each commit, on the thread of the account's writer, in commit order for each account. */
    @FunctionalInterface
    public interface Listener {
        void committed(long accountId, long version, List<Change> changes);
    }

    private ViewingChanges() {
    }
}
