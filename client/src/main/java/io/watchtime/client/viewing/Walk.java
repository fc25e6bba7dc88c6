package io.watchtime.client.viewing;

import java.util.function.Supplier;

/** A pull of records page by page; call {@link #next()} until a batch says it was the last. */
public interface Walk {

    Batch next();

    /** How this walk pages, for logs and reports: {@code cursor}, {@code windows} or {@code pages}. */
    String strategy();

    /**
     * Asks for the next page but may leave binding its records to {@link Fetched#bind()}, so that a caller
     * can ask for the page after while it binds this one (see {@link PrefetchingWalk}). Pages must be bound in
     * the order they were fetched. By default the page is bound at once.
     */
    default Fetched fetch() {
        Batch batch = next();
        return new Fetched(batch.last(), () -> batch);
    }

    /**
     * A page that has been answered, with its records possibly not bound yet. {@code last} is known without
     * binding, so that a fetcher knows when to stop; {@code bind} may throw when the records do not read.
     */
    record Fetched(boolean last, Supplier<Batch> binding) {

        public Batch bind() {
            return binding.get();
        }
    }
}
