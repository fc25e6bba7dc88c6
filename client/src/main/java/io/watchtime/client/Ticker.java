package io.watchtime.client;

/**
 * The client's notion of time: what it reads to pace itself and how it waits. Tests pass one whose
 * {@link #sleep} moves a fake clock that the server shares, so 30 s of pacing take no real time.
 */
public interface Ticker {

    Ticker SYSTEM = new Ticker() {
        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            if (millis > 0) {
                Thread.sleep(millis);
            }
        }
    };

    long millis();

    void sleep(long millis) throws InterruptedException;
}
