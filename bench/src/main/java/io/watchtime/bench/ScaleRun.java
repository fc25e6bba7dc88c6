package io.watchtime.bench;

/**
 * What every step of {@link Scale} works with: the server over HTTP, the database straight on JDBC (the anchors),
 * the account the queries read, and the results file the step appends its figures to.
 */
record ScaleRun(Api api, Database db, long account, Results results) {
}
