package io.watchtime.server.web;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Requests that Tomcat refuses before Spring sees them (a {@code |} in the path, an encoded slash, headers
 * too large) get the contract's error body instead of Tomcat's HTML page.
 */
public final class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String message = status == 400 ? "bad request: the request line or a header is malformed"
                : status >= 500 ? "internal error; the server log has the details" : "request failed";
        try {
            ErrorBody.report(response, new ApiException(status, message));
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response already committed: nothing more to say
        }
    }
}
