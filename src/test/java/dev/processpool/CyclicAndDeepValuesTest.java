package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cyclic values are refused at submission naming the type and the path to the cycle; nesting up to the depth
 * limit travels, deeper is refused at once. Never a StackOverflowError in the caller, never seconds for a few KiB.
 */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class CyclicAndDeepValuesTest {
    /** A bean that can refer to another, or to itself. */
    public static class Node {
        public String name;
        public Node next;

        public Node() {
        }

        Node(String name) {
            this.name = name;
        }
    }

    @Parameter
    String startMethod;

    private static Pool pool;

    @BeforeAll
    static void noPoolYet() {
        pool = null;
    }

    private Pool pool() {
        if (pool == null || !pool.startMethod().equals(startMethod)) {
            if (pool != null) {
                pool.close();
            }
            pool = TestPools.newPool(startMethod, 1);
        }
        return pool;
    }

    @AfterAll
    static void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    static int size(List<?> list) {
        return list.size();
    }

    static int depth(Object value) {
        int depth = 0;
        for (Object at = value; at instanceof List<?> list && !list.isEmpty(); at = list.get(0)) {
            depth++;
        }
        return depth;
    }

    static List<Object> nested(int depth) {
        List<Object> value = new ArrayList<>(List.of(1));
        for (int i = 1; i < depth; i++) {
            List<Object> outer = new ArrayList<>();
            outer.add(value);
            value = outer;
        }
        return value;
    }

    private IllegalArgumentException assertRefused(Runnable submission, String... expected) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, submission::run);
        for (String part : expected) {
            assertTrue(refused.getMessage().contains(part), "'" + part + "' in: " + refused.getMessage());
        }
        assertEquals(2, pool().apply(CyclicAndDeepValuesTest::size, List.of(1, 2)), "the pool serves on");
        return refused;
    }

    @Test
    void aListContainingItselfIsRefusedWithThePathToTheCycle() {
        List<Object> list = new ArrayList<>();
        list.add("a");
        list.add(list);
        assertRefused(() -> pool().apply(CyclicAndDeepValuesTest::size, list),
                "java.util.ArrayList", "contains itself", "value[1] is value again");
        List<Object> inner = new ArrayList<>();
        List<Object> outer = new ArrayList<>(List.of(List.of(inner)));
        inner.add(outer);
        assertRefused(() -> pool().map(CyclicAndDeepValuesTest::size, List.of(List.of(), outer)),
                "value[0][0][0] is value again");
    }

    @Test
    void aMapContainingItselfIsRefusedWithThePathToTheCycle() {
        Map<String, Object> map = new HashMap<>();
        map.put("self", map);
        assertRefused(() -> pool().apply((Object m) -> ((Map<?, ?>) m).size(), map),
                "java.util.HashMap", "contains itself", "value[self] is value again");
    }

    @Test
    void beansReferringToEachOtherAreRefused() {
        Node a = new Node("a");
        Node b = new Node("b");
        a.next = b;
        b.next = a;
        assertRefused(() -> pool().apply((Node n) -> n.name, a), Node.class.getName());
        assertEquals("x", pool().apply((Node n) -> n.name, new Node("x")), "an acyclic one of that class travels");
    }

    @Test
    void aResultContainingItselfFailsItsItemWithTheReason() {
        TaskFailedException failed = assertThrows(TaskFailedException.class, () -> pool().apply((Integer x) -> {
            List<Object> list = new ArrayList<>();
            list.add(list);
            return list;
        }, 1));
        assertTrue(failed.getMessage().contains("contains itself"), failed.getMessage());
        assertEquals(2, pool().apply(CyclicAndDeepValuesTest::size, List.of(1, 2)), "the worker serves on");
    }

    @Test
    void nestingOfAHundredTravelsBothWays() {
        pool();   // started before the clock
        for (int round = 0; round < 3; round++) {
            List<Object> value = nested(100);
            long started = System.nanoTime();
            assertEquals(100, pool().apply(CyclicAndDeepValuesTest::depth, value));
            long there = System.nanoTime();
            assertEquals(100, depth(pool().apply((Object v) -> v, (Object) value)));
            System.out.printf("100-deep list (%s), round %d: there %d ms, there and back %d ms%n", startMethod, round,
                    (there - started) / 1_000_000, (System.nanoTime() - there) / 1_000_000);
        }
    }

    @Test
    void nestingOfAThousandAndTenThousandIsRefusedAtOnceNamingTheLimit() {
        pool();
        for (int depth : new int[] {1_000, 10_000}) {
            List<Object> value = nested(depth);
            long started = System.nanoTime();
            assertRefused(() -> pool().apply(CyclicAndDeepValuesTest::depth, value),
                    "java.util.ArrayList", "nested more than 100 deep");
            System.out.printf("%d-deep list refused (%s) in %d ms%n", depth, startMethod,
                    (System.nanoTime() - started) / 1_000_000);
        }
        TaskFailedException failed = assertThrows(TaskFailedException.class,
                () -> pool().apply((Integer d) -> nested(d), 1_000));
        assertTrue(failed.getMessage().contains("nested more than 100 deep"), failed.getMessage());
    }
}
