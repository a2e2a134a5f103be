package dev.processpool.internal.launch;

import dev.processpool.PoolOptions;
import dev.processpool.internal.codec.JsonbUse;
import dev.processpool.internal.workerjvm.WorkerJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The command line and environment of a worker JVM. */
public final class WorkerCommand {
    private static final String SERIAL_GC = "-XX:+UseSerialGC";
    private static final Pattern COLLECTOR_CHOICE = Pattern.compile("-XX:\\+Use\\w+GC");
    /**
     * Lean defaults for a worker: a serial collector (one task at a time needs no parallel GC), no perf-data
     * file, and exit on the first OutOfMemoryError (a JVM that ran out of memory is replaced rather than
     * trusted; the pool reports the JVM's message). Class-data sharing comes from {@link ClassDataArchive}.
     * The pool's own options come after, so they win; a collector they choose replaces the serial one, since
     * a JVM refuses to start with two.
     */
    static final List<String> DEFAULT_JVM_OPTIONS = List.of(SERIAL_GC, "-XX:-UsePerfData",
            "-XX:+ExitOnOutOfMemoryError");
    /**
     * The serial collector's heap sized so that an idle worker can give it back ({@code IdleHeap}): it never
     * shrinks below its initial size, which by default is 1/64 of the machine's memory (384 MiB on 24 GiB), of
     * which a {@code map} of 1,000,000 touched the young generation's 100 MiB. A small start, a heap that grows
     * eagerly (free ratio 70 % after a collection, so the young generation, sized from the old, soon is large
     * enough for a chunk's items), and shrinking at once rather than in steps when the idle worker collects.
     * Only where the pool's own options say nothing of the heap's initial or young size, its free ratios or its
     * collector; a maximum ({@code -Xmx}) alone keeps them.
     */
    static final List<String> HEAP_OPTIONS = List.of("-Xms4m", "-XX:MinHeapFreeRatio=70", "-XX:MaxHeapFreeRatio=90",
            "-XX:-ShrinkHeapInSteps");
    private static final Pattern HEAP_SIZING = Pattern.compile(
            "-Xm[sn].*|-XX:(Initial|Min)HeapSize=.*|-XX:(Max)?NewSize=.*|-XX:NewRatio=.*|-XX:[+-]?\\w*HeapFreeRatio.*"
                    + "|-XX:[+-]ShrinkHeapInSteps|-XX:\\+Use\\w+GC");
    /** Variables a worker keeps from the parent when it does not inherit the whole environment. */
    static final List<String> KEPT_VARIABLES = List.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR",
            "JAVA_HOME", "SYSTEMROOT");
    /** On every worker's command line, so {@code ps} tells whose worker it is. */
    public static final String PARENT_PROPERTY = "processpool.parent";

    private WorkerCommand() {
    }

    public static List<String> commandLine(PoolOptions options) {
        return commandLine(options, List.of(), WorkerJvm.MAIN_CLASS);
    }

    /**
     * @param extraOptions JVM options of the library's own, between its defaults and the pool's
     * @param mainClass the worker's main, or a forkserver's
     */
    public static List<String> commandLine(PoolOptions options, List<String> extraOptions, String mainClass) {
        List<String> command = new ArrayList<>();
        Path java = javaExecutable(options);
        String classPath = WorkerClassPath.get();
        command.add(java.toString());
        command.addAll(defaultOptions(options.jvmOptions()));
        command.addAll(ClassDataArchive.options(java, classPath, options.jvmOptions(), JsonbUse.seen()));
        command.add("-D" + PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
        // what a worker or forkserver makes (sockets, reserve files) goes where the parent's files go
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.addAll(extraOptions);
        command.addAll(options.jvmOptions());
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        return command;
    }

    /**
     * The library's defaults, without the serial collector if the pool's own options choose one, and with the
     * heap's sizing for the serial collector unless the pool's options size it otherwise or choose a collector.
     */
    static List<String> defaultOptions(List<String> poolOptions) {
        List<String> defaults = new ArrayList<>(DEFAULT_JVM_OPTIONS);
        if (poolOptions.stream().anyMatch(option -> COLLECTOR_CHOICE.matcher(option).matches())) {
            defaults.remove(SERIAL_GC);
        }
        if (poolOptions.stream().noneMatch(option -> HEAP_SIZING.matcher(option).matches())) {
            defaults.addAll(HEAP_OPTIONS);
        }
        return defaults;
    }

    /** Narrows {@code environment} (this JVM's, as a process builder gives it) to what workers may see. */
    public static void environment(PoolOptions options, Map<String, String> environment) {
        if (!options.inheritEnvironment()) {
            environment.keySet().retainAll(KEPT_VARIABLES);
        }
        environment.putAll(options.environment());
    }

    private static Path javaExecutable(PoolOptions options) {
        return options.javaExecutable().orElseGet(() -> {
            Path bin = Path.of(System.getProperty("java.home"), "bin");
            Path java = bin.resolve("java");
            return java.toFile().exists() ? java : bin.resolve("java.exe");
        });
    }
}
