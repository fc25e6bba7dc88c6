package io.watchtime.server.web;

import io.watchtime.protocol.ApiResponse;
import io.watchtime.protocol.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every failure inside Spring MVC becomes the contract's error body; nothing leaks a stack trace. */
@RestControllerAdvice
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiResponse<Void>> api(ApiException e) {
        return ErrorBody.entity(e);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ApiResponse<Void>> invalid(InvalidRequestException e) {
        return ErrorBody.entity(new ApiException(400, e.getMessage()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return ErrorBody.entity(new ApiException(405, request.getRequestURI() + " takes " + String.join(", ",
                e.getSupportedMethods() == null ? new String[] {"another method"} : e.getSupportedMethods())
                + ", not " + e.getMethod()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiResponse<Void>> notFound(NoResourceFoundException e, HttpServletRequest request) {
        return ErrorBody.entity(new ApiException(404, "no such endpoint: " + request.getMethod() + " " + request.getRequestURI()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiResponse<Void>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ErrorBody.entity(new ApiException(406, "this API answers application/json only"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Void>> unexpected(Exception e, HttpServletRequest request) {
        if (clientWentAway(e)) {
            // Not a server fault, and nobody is left to read an answer: one line, no stack, no body.
            log.info("client closed the connection during {} {}", request.getMethod(), request.getRequestURI());
            return null;
        }
        ApiException outage = DatabaseOutage.answerFor(e);
        if (outage != null) {
            DatabaseOutage.report(request, e);
            return ErrorBody.entity(outage);
        }
        log.error("500 on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString(), e);
        return ErrorBody.entity(new ApiException(500, "internal error; the server log has the details"));
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AsyncRequestNotUsableException || t instanceof ClientAbortException) {
                return true;
            }
        }
        return false;
    }

}
