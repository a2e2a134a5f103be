package dev.processpool.internal.workerjvm;

import java.util.List;

/**
 * What a reserve worker may prepare for the pools of the JVM that asks: their class path (the worker builds its
 * class loader ahead), the task classes seen so far (it loads them), the wire form of its warm-up task (see
 * {@code Warmup}) and whether to warm JSON-B up (the parent has needed it). Given on the worker's standard input
 * as one line, {@code warm-up-hints TAB class-path TAB class,class TAB task-code TAB jsonb}, before the line
 * that hands it out. An empty part is a hint not given.
 */
public record WarmUpHints(String classPath, List<String> taskClasses, String taskCode, boolean jsonb) {
    public static final WarmUpHints NONE = new WarmUpHints("", List.of(), "", false);
    private static final String JSONB = "jsonb";
    private static final String PREFIX = "warm-up-hints\t";

    public String line() {
        return PREFIX + classPath + "\t" + String.join(",", taskClasses) + "\t" + taskCode + "\t" + (jsonb ? JSONB : "");
    }

    /** Whether a line on a worker's standard input is hints, not the line that hands it out. */
    public static boolean isHints(String line) {
        return line.startsWith(PREFIX);
    }

    /** The hints a line gives; none for a line that is no hints. */
    public static WarmUpHints of(String line) {
        if (!isHints(line)) {
            return NONE;
        }
        String[] parts = line.substring(PREFIX.length()).split("\t", -1);
        List<String> classes = parts.length > 1 && !parts[1].isEmpty() ? List.of(parts[1].split(",")) : List.of();
        return new WarmUpHints(parts[0], classes, parts.length > 2 ? parts[2] : "",
                parts.length > 3 && parts[3].equals(JSONB));
    }
}
