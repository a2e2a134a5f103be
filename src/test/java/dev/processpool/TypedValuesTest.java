package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Arguments and results travel as JSON, typed from the function's generic signature (or, for an erased lambda, from the values). */
class TypedValuesTest extends SharedPoolTest {
    public enum Status { OPEN, SHIPPED }

    public record Line(String sku, int quantity, BigDecimal price) {
    }

    public record Order(String id, Status status, List<Line> lines) {
    }

    public record Report(int orders, Map<String, Integer> quantityBySku, Optional<String> largest) {
    }


    static Report summarize(List<Order> orders) {
        Map<String, Integer> bySku = new TreeMap<>();
        String largest = null;
        int most = 0;
        for (Order order : orders) {
            int quantity = 0;
            for (Line line : order.lines()) {
                bySku.merge(line.sku(), line.quantity(), Integer::sum);
                quantity += line.quantity();
            }
            if (quantity > most) {
                most = quantity;
                largest = order.id();
            }
        }
        return new Report(orders.size(), bySku, Optional.ofNullable(largest));
    }

    private static final List<Order> ORDERS = List.of(
            new Order("o1", Status.OPEN, List.of(new Line("apple", 2, new BigDecimal("0.50")))),
            new Order("o2", Status.SHIPPED, List.of(new Line("apple", 1, new BigDecimal("0.50")),
                    new Line("pear", 5, new BigDecimal("0.75")))));

    @Test
    void methodReferenceGetsARealListOfRecordsAndReturnsARecord() {
        Report report = pool.apply(TypedValuesTest::summarize, ORDERS);
        assertEquals(new Report(2, Map.of("apple", 3, "pear", 5), Optional.of("o2")), report);
    }

    @Test
    void erasedLambdaStillGetsRecordsInsideItsList() {
        ProcessFunction<List<Order>, String> classes = orders -> orders.get(0).getClass().getName()
                + " " + orders.get(0).lines().get(0).getClass().getName() + " " + orders.get(1).status();
        assertEquals(Order.class.getName() + " " + Line.class.getName() + " SHIPPED", pool.apply(classes, ORDERS));
    }

    @Test
    void genericCollectionsRoundTrip() {
        Map<String, List<Integer>> input = Map.of("a", List.of(1, 2), "b", List.of());
        ProcessFunction<Map<String, List<Integer>>, Map<String, List<Integer>>> identity = m -> m;
        assertEquals(input, pool.apply(identity, input));
        assertEquals(List.of(List.of(1, 2), List.of(3)), pool.map((List<Integer> l) -> l, List.of(List.of(1, 2), List.of(3))));
    }

    static Object echo(Object value) {
        return value;
    }

    @Test
    void objectTypedFunctionKeepsEachValuesRuntimeType() {
        List<Object> mixed = List.of(1, "two", 3.5, Status.OPEN, new Line("x", 1, BigDecimal.TEN), List.of(1L));
        assertEquals(mixed, pool.map(TypedValuesTest::echo, mixed, 2));
    }

    static Double half(Double x) {
        return x == null ? null : x / 2;
    }

    static String shout(String s) {
        return s.toUpperCase() + "!";
    }

    @Test
    void numbersBooleansAndStringsTravelExactlyIncludingTheirEdges() {
        List<Double> doubles = java.util.Arrays.asList(1.0, -0.5, 1e300, Double.MIN_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, null);
        assertEquals(doubles.stream().map(d -> d == null ? null : d / 2).toList(),
                pool.map(TypedValuesTest::half, doubles));
        List<Long> longs = List.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L);
        assertEquals(longs, pool.map((Long x) -> x, longs));
        List<String> strings = List.of("", "quote \" and \\ backslash", "tab\tnewline\n", "\u0000\u001f", "é ✓ 𝄞");
        assertEquals(strings.stream().map(s -> s.toUpperCase() + "!").toList(), pool.map(TypedValuesTest::shout, strings));
        assertEquals(List.of(true, false), pool.map((Boolean b) -> !b, List.of(false, true)));
        assertEquals(List.of((short) -3, (byte) 7), List.of(pool.apply((Short s) -> s, (short) -3),
                pool.apply((Byte b) -> b, (byte) 7)));
    }

    @Test
    void nullInputsAndResultsTravel() {
        ProcessFunction<String, String> nullSafe = s -> s == null ? null : s.toUpperCase();
        assertEquals(java.util.Arrays.asList("A", null), pool.map(nullSafe, java.util.Arrays.asList("a", null)));
        assertNull(pool.apply(nullSafe, null));
    }

    /** A function object: a public class with a no-argument constructor whose JSON-B properties are its state. */
    public static class Scale implements ProcessFunction<Integer, Long> {
        public int factor;

        @Override
        public Long apply(Integer input) {
            return (long) input * factor;
        }
    }

    @Test
    void functionObjectTravelsWithItsState() {
        Scale scale = new Scale();
        scale.factor = 1_000_000;
        assertEquals(List.of(0L, 1_000_000L, 5_000_000_000L), pool.map(scale, List.of(0, 1, 5000)));
    }

    @Test
    void capturedValuesOfEveryKindTravel() {
        Line line = new Line("cap", 4, BigDecimal.ONE);
        List<String> words = List.of("x", "y");
        long big = 1L << 40;
        ProcessFunction<Integer, String> f = i -> line.sku() + words.get(i) + big;
        assertEquals("capy" + (1L << 40), pool.apply(f, 1));
    }
}
