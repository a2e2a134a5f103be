package dev.processpool.cdi;

/** Functions the CDI tests run in workers: plain static methods, sent by name. */
public final class Tasks {
    private Tasks() {
    }

    public static int fail(String message) {
        throw new IllegalStateException(message);
    }

    public static int square(int x) {
        return x * x;
    }

    public static long pid(int ignored) {
        return ProcessHandle.current().pid();
    }

    public static long parentPid(int ignored) {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }

    public static String property(String name) {
        return System.getProperty(name);
    }
}
