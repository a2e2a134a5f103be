package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An undeployed application leaves no thread of the library and no reachable class loader: a copy of the library in
 * a class loader of its own (a deployment's) uses a pool, closes it and is dropped; its loader must then be
 * collected. The static cleaner thread used to inherit the deployment's loader and never end.
 */
class UndeployedLibraryIsCollectedTest {
    static List<String> startMethods() {
        return ProcessContext.allStartMethods();
    }

    @ParameterizedTest
    @MethodSource("startMethods")
    void theLoaderOfACopyThatUsedAPoolIsCollectedAndItsThreadsAreGone(String startMethod) throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        WeakReference<ClassLoader> loader = useACopy(startMethod);

        TestPools.await("the copy's class loader to be collected", Duration.ofSeconds(60), () -> {
            System.gc();
            return loader.get() == null;
        }, () -> "threads left: " + newLibraryThreads(before));
        TestPools.await("the copy's threads to end", Duration.ofSeconds(30),
                () -> newLibraryThreads(before).isEmpty(), () -> newLibraryThreads(before).toString());
    }

    private static WeakReference<ClassLoader> useACopy(String startMethod) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        IsolatedLibrary copy = IsolatedLibrary.create();
        thread.setContextClassLoader(copy);   // as a deployment's threads have
        try {
            assertEquals("12", copy.call(LeakDriver.class.getName(), "useAPoolAndLetGo", startMethod));
        } finally {
            thread.setContextClassLoader(previous);
            copy.close();
        }
        return new WeakReference<>(copy);
    }

    private static Set<String> newLibraryThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread))
                .map(Thread::getName)
                .filter(name -> name.startsWith("processpool-") || name.startsWith("forkserver-"))
                .collect(Collectors.toSet());
    }
}
