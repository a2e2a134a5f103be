package dev.processpool.sample.service;

import java.util.List;
import java.util.Optional;

/**
 * The live processes that processpool started on behalf of this JVM, found by the {@code -Dprocesspool.parent=<pid>}
 * every worker and forkserver carries on its command line (a forkserver's workers carry the pid of the JVM whose
 * pool asked for them, not the forkserver's).
 */
public final class PoolProcesses {
    private static final String PARENT_OPTION = "-Dprocesspool.parent=";

    private PoolProcesses() {
    }

    public static List<PoolProcess> ofThisJvm() {
        String mark = PARENT_OPTION + ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .flatMap(process -> arguments(process)
                        .filter(arguments -> arguments.contains(mark))
                        .map(arguments -> new PoolProcess(process.pid(), role(arguments)))
                        .stream())
                .toList();
    }

    private static Optional<List<String>> arguments(ProcessHandle process) {
        return process.info().arguments().map(List::of);
    }

    private static String role(List<String> arguments) {
        String main = arguments.get(arguments.size() - 1);
        return main.endsWith("ForkServerMain") ? "forkserver" : "worker";
    }
}
