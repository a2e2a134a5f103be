package dev.processpool.internal.worker;

import dev.processpool.internal.channel.Frame;
import java.lang.management.ManagementFactory;

/**
 * Gives an idle worker's unused heap back to the system. A worker that has run tasks and then waits
 * {@value #AFTER_PROPERTY} milliseconds (default {@value #DEFAULT_AFTER_MILLIS}; 0 turns it off) for the next
 * collects its heap once, with the collector told to keep no more than 10 % of the heap free, so that it
 * uncommits what the tasks made it grow to (down to the initial size the launcher gives workers, {@code -Xms4m}):
 * after a {@code map} of 1,000,000 items a worker held about 150 MiB for as long as its pool lived, a fresh one
 * 40. Then it waits as before; the next frame, task or not, starts the next busy period.
 */
final class IdleHeap {
    /** A worker's system property (a pool sets it through its {@code jvmOptions}). */
    static final String AFTER_PROPERTY = "processpool.idleHeapReleaseMillis";
    static final long DEFAULT_AFTER_MILLIS = 1000;
    /** While giving back: a heap with more than this free after the collection shrinks. */
    private static final String SHRINK_MAX_FREE_PERCENT = "10";

    private final long afterMillis;
    private boolean workedSinceGivenBack;

    IdleHeap(long afterMillis) {
        this.afterMillis = afterMillis;
    }

    static IdleHeap configured() {
        return new IdleHeap(Long.getLong(AFTER_PROPERTY, DEFAULT_AFTER_MILLIS));
    }

    /** The next frame for the main thread; if none comes for a while after work, gives the heap back first. */
    Frame next(ParentLink link) throws InterruptedException {
        Frame frame = workedSinceGivenBack ? link.next(afterMillis) : null;
        if (frame == null) {
            if (workedSinceGivenBack) {
                giveBack();
            }
            frame = link.next();
        }
        workedSinceGivenBack = afterMillis > 0;
        return frame;
    }

    /**
     * A full collection with the free ratios lowered for its duration. The ratios are manageable flags; where
     * the JDK has no {@code jdk.management} module, the collection shrinks the heap by its own ratios.
     */
    void giveBack() {
        workedSinceGivenBack = false;
        Ratios saved = Ratios.lowered();
        System.gc();
        if (saved != null) {
            saved.restore();
        }
    }

    /** The collector's free ratios as they were before {@link #lowered()}. */
    private record Ratios(com.sun.management.HotSpotDiagnosticMXBean vm, String minFree, String maxFree) {
        static Ratios lowered() {
            Ratios saved;
            try {
                var vm = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
                saved = new Ratios(vm, vm.getVMOption("MinHeapFreeRatio").getValue(),
                        vm.getVMOption("MaxHeapFreeRatio").getValue());
            } catch (RuntimeException | LinkageError e) {
                return null;
            }
            try {
                saved.vm.setVMOption("MinHeapFreeRatio", "0");   // first: the minimum may not exceed the maximum
                saved.vm.setVMOption("MaxHeapFreeRatio", SHRINK_MAX_FREE_PERCENT);
            } catch (RuntimeException e) {
                saved.restore();
                return null;
            }
            return saved;
        }

        void restore() {
            try {
                vm.setVMOption("MaxHeapFreeRatio", maxFree);
                vm.setVMOption("MinHeapFreeRatio", minFree);
            } catch (RuntimeException e) {
                // as lowered: the heap grows again when it must, only less eagerly
            }
        }
    }
}
