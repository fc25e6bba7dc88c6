package io.watchtime.client.viewing;

import io.watchtime.protocol.ViewingRecord;
import java.util.List;

/**
 * What one step of a walk delivers: the records, where the walk stands after them ({@code null} once
 * {@code last}), and an estimate of the records still to come (for progress and ETA).
 */
public record Batch(List<ViewingRecord> records, WalkPosition after, boolean last, long remaining) {
}
