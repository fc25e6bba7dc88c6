package io.watchtime.client.viewing;

/**
 * Where a walk over the records (ascending) stands, small enough to store after every page so that an
 * interrupted pull resumes there.
 *
 * @param lowerBound  {@code update_time_start} of the walk: of the whole cursor walk, or of the current window
 * @param cursor      the cursor to continue with ({@code ""}: start one, trying the extension); null when
 *                    walking windows because the server has no cursor
 * @param page        window walk only: 0 while narrowing windows {@code [lowerBound, end]}; from 1 on, the next
 *                    page of the single second {@code lowerBound}, which holds more records than one page
 * @param windowTotal window walk only: {@code total} of that second when its first page was read
 */
public record WalkPosition(long lowerBound, String cursor, long page, long windowTotal) {

    /** A fresh walk of the records changed since {@code lowerBound}; it uses the cursor where the server has one. */
    public static WalkPosition start(long lowerBound) {
        return new WalkPosition(lowerBound, "", 0, -1);
    }

    static WalkPosition cursor(long lowerBound, String cursor) {
        return new WalkPosition(lowerBound, cursor, 0, -1);
    }

    static WalkPosition window(long lowerBound) {
        return new WalkPosition(lowerBound, null, 0, -1);
    }

    static WalkPosition denseSecond(long second, long page, long total) {
        return new WalkPosition(second, null, page, total);
    }
}
