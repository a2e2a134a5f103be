package dev.processpool.readme;

import dev.processpool.Pool;
import dev.processpool.PoolOptions;
import dev.processpool.ProcessContext;
import java.util.List;

/** Run by {@link MissingJsonbProviderTest} in a JVM whose class path has no JSON-B or JSON-P: makes a first pool. */
public final class WithoutJsonbMain {
    private WithoutJsonbMain() {
    }

    public static int square(int x) {
        return x * x;
    }

    public static void main(String[] args) {
        for (String startMethod : args) {
            try (Pool pool = ProcessContext.of(startMethod).newPool(PoolOptions.builder().processes(1).build())) {
                System.out.println(startMethod + " made a pool: " + pool.map(WithoutJsonbMain::square, List.of(1, 2)));
            } catch (Throwable e) {
                System.out.println(startMethod + " threw " + e.getClass().getName() + ": " + e.getMessage());
            }
        }
    }
}
