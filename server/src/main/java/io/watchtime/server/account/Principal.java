package io.watchtime.server.account;

import jakarta.servlet.http.HttpServletRequest;

/** Who is calling: the account of a request comes from its API key alone. */
public record Principal(long accountId, long keyId, Scope scope) {

    private static final String ATTRIBUTE = Principal.class.getName();

    public void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The caller of a request that passed the {@link AuthFilter}, or null before it. */
    public static Principal find(HttpServletRequest request) {
        return (Principal) request.getAttribute(ATTRIBUTE);
    }

    /** The caller of a request that passed the {@link AuthFilter}. */
    public static Principal of(HttpServletRequest request) {
        Principal principal = find(request);
        if (principal == null) {
            throw new IllegalStateException("no principal: " + request.getRequestURI() + " is not behind AuthFilter");
        }
        return principal;
    }
}
