package dev.processpool.internal.cdi;

/**
 * A bad value of one {@code @ProcessPool} member.
 *
 * @param member the member's name, e.g. {@code "startMethod"}
 * @param reason the value and what is wrong with it, and how to fix it
 */
record MemberProblem(String member, String reason) {
    /** The message for the injection point {@code where}, e.g. {@code Thumbnails.pool}. */
    String message(String where) {
        return "Invalid @ProcessPool." + member + " on " + where + ": " + reason;
    }
}
