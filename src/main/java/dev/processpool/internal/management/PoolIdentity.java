package dev.processpool.internal.management;

/**
 * Whose a pool is, for administrators: the application (deployment) that made it and its owner.
 *
 * @param application the deployment's name where the container knows it, else empty
 * @param owner the injection point that owns it, as {@code ReportService.pool}, else empty
 */
public record PoolIdentity(String application, String owner) {
    public static final PoolIdentity NONE = new PoolIdentity("", "");

    public PoolIdentity {
        application = application == null ? "" : application;
        owner = owner == null ? "" : owner;
    }
}
