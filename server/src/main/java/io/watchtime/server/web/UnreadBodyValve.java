package io.watchtime.server.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection after answering a request whose body was not read to its end, instead of letting Tomcat
 * read ("swallow") the rest of it to keep the connection. Tomcat swallows on a servlet worker, at the client's pace:
 * a client without a key that sends one byte every few seconds would hold a worker for as long as it liked, and a
 * couple of hundred such clients stop the node. So only a request with a valid key ({@link #trust}) has the rest of
 * its body swallowed (up to {@code server.tomcat.max-swallow-size}), and not even that once the body took too long
 * ({@link #abandon}). The answer is sent in full before the close.
 */
public final class UnreadBodyValve extends ValveBase {

    private static final String TRUSTED = UnreadBodyValve.class.getName() + ".trusted";
    private static final String ABANDONED = UnreadBodyValve.class.getName() + ".abandoned";

    public UnreadBodyValve() {
        super(true);
    }

    /** The request carries a valid key: an unread rest of its body may be swallowed to keep the connection. */
    public static void trust(HttpServletRequest request) {
        request.setAttribute(TRUSTED, Boolean.TRUE);
    }

    /** The rest of this request's body is not worth a worker: close the connection after the answer. */
    public static void abandon(HttpServletRequest request) {
        request.setAttribute(ABANDONED, Boolean.TRUE);
    }

    /**
     * As {@link #abandon}, said to the client up front when the request has a body: a client that pools connections
     * must not send its next request into the one about to close, and by the time this valve acts the answer may
     * already be on its way.
     */
    public static void closeAfterAnswer(HttpServletRequest request, HttpServletResponse response) {
        abandon(request);
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            response.setHeader("Connection", "close");
        }
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        boolean close = request.getAttribute(ABANDONED) != null || request.getAttribute(TRUSTED) == null;
        if (close && !request.getCoyoteRequest().isFinished()) {
            if (!response.isCommitted()) {
                // Said, so that a client that pools connections does not send its next request into the closed one.
                response.setHeader("Connection", "close");
            }
            // Marks the exchange "close after the response" and turns the swallowing off.
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }
}
