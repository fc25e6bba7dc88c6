package io.watchtime.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The body's limits in time and size, without a server: a trickle is cut at the deadline, an oversized body drained. */
class BodyInputTest {

    @Test
    void aBodyThatTricklesIsA408AtTheDeadlineAndItsConnectionClosed() {
        MockHttpServletRequest request = requestOf(new InputStream() {
            @Override
            public int read() {
                sleep(20);
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                b[off] = (byte) read();
                return 1;
            }
        }, 1_000_000);

        long start = System.nanoTime();
        assertThatThrownBy(() -> BodyInput.read(request, 8 * 1024 * 1024, Duration.ofMillis(300)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(408);
                    assertThat(e.getMessage()).contains("did not arrive within");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(request.getAttributeNames().hasMoreElements()).as("marked to close").isTrue();
    }

    @Test
    void anOversizedBodyIsReadToItsEndThenA413() {
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[300_000]);
        MockHttpServletRequest request = requestOf(body, -1);

        assertThatThrownBy(() -> BodyInput.read(request, 100_000, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThat(body.available()).as("drained, so the client can read the answer").isZero();
        assertThat(request.getAttributeNames().hasMoreElements()).as("nothing left to close for").isFalse();
    }

    @Test
    void aBodyWithinTheLimitsIsReadWhole() {
        byte[] bytes = "{\"page\":1}".getBytes();
        assertThat(BodyInput.read(requestOf(new ByteArrayInputStream(bytes), bytes.length), bytes.length,
                Duration.ofSeconds(1))).isEqualTo(bytes);
    }

    private static MockHttpServletRequest requestOf(InputStream in, long contentLength) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ingest/v1/events") {
            @Override
            public ServletInputStream getInputStream() {
                return new ServletInputStream() {
                    @Override
                    public int read(byte[] b, int off, int len) throws java.io.IOException {
                        return in.read(b, off, len);
                    }

                    @Override
                    public int read() throws java.io.IOException {
                        return in.read();
                    }

                    @Override
                    public boolean isFinished() {
                        return false;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new UnsupportedOperationException();
                    }
                };
            }

            @Override
            public long getContentLengthLong() {
                return contentLength;
            }
        };
        return request;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
