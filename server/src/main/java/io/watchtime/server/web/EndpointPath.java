package io.watchtime.server.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path of a request as Spring MVC routes it: decoded and without {@code ;parameters}. The raw URI spells one
 * endpoint many ways ({@code /%41pi/...}, {@code ...;x=1}), so it must not decide the scope or the rate-limit key.
 */
public final class EndpointPath {

    private EndpointPath() {
    }

    public static String of(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }
}
