package io.watchtime.client.viewing;

/** A pull of records page by page; call {@link #next()} until a batch says it was the last. */
public interface Walk {

    Batch next();

    /** How this walk pages, for logs and reports: {@code cursor}, {@code windows} or {@code pages}. */
    String strategy();
}
