package io.watchtime.server.web;

import io.watchtime.protocol.ApiResponse;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors the container raises outside Spring MVC get the contract's body too, never an HTML page. */
@RestController
class JsonErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiResponse<Void>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // No status: /error was requested directly, which is not an endpoint of the API.
        int status = code instanceof Integer i ? i : 404;
        Object path = code == null ? request.getRequestURI() : request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String message = switch (status) {
            case 404 -> "no such endpoint: " + path;
            case 400 -> "bad request";
            case 413 -> "request body is too large";
            default -> status >= 500 ? "internal error; the server log has the details" : "request failed";
        };
        return ErrorBody.entity(new ApiException(status, message));
    }
}
