package dev.processpool.internal.codec;

import jakarta.json.bind.JsonbException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;

/**
 * Refuses, before anything is sent, a value that cannot travel as JSON: a resource (stream, socket,
 * connection), a thread or lock, a class loader, a non-serializable lambda, or an object that JSON-B cannot
 * write and read back. Each class is checked once by a round trip, except plain records ({@link RecordShape})
 * and classes without instance fields ({@link StatelessFunction}), which travel without JSON-B.
 */
public final class Sendability {
    private static final Class<?>[] NEVER_SENDABLE = {
        AutoCloseable.class, Thread.class, ClassLoader.class, Lock.class, Executor.class, Future.class,
        Process.class, ProcessHandle.class, Class.class, java.lang.reflect.Member.class,
    };
    private static final Map<Class<?>, Boolean> CHECKED = new ConcurrentHashMap<>();
    private static final String WORKER = " to a worker";

    private Sendability() {
    }

    /**
     * @param role what the value is, for the message: "input #3 of map", "captured value #1 of ..."
     * @throws IllegalArgumentException naming the type and why it cannot be sent
     */
    public static void check(Object value, String role) {
        if (value == null || isPlain(value.getClass()) && !(value instanceof String)) {
            return;
        }
        new Walk(role + WORKER).run(value);
    }

    /**
     * In a worker, for a task's result: the same checks, so a cyclic or too deep result fails its item with a
     * clear message instead of overflowing the worker's stack in JSON-B.
     *
     * @throws IllegalArgumentException naming the type and why it cannot be sent back
     */
    public static void checkResult(Object value, String role) {
        if (value == null || isPlain(value.getClass()) && !(value instanceof String)) {
            return;
        }
        new Walk(role + " back to the parent").run(value);
    }

    /** One container or object on the path from the value being checked, and the parts of it not walked yet. */
    private record Step(Object value, Step parent, String label, int depth, Iterator<Part> parts) {
        String path() {
            StringBuilder path = new StringBuilder();
            for (Step step = this; step != null; step = step.parent) {
                path.insert(0, step.label);
            }
            return path.toString();
        }
    }

    private record Part(String label, Object value) {
    }

    /**
     * Walks a value's containers (collections, maps, optionals, arrays, records) with a stack of its own, not
     * the caller's, so that no nesting overflows the caller's stack: beyond {@link ValueLimits#MAX_DEPTH} it is
     * refused, and so is a container or record that contains itself. A container met again on another path is
     * walked again only if met nearer the bottom (a shared part is no cycle, and is walked once per depth).
     */
    private static final class Walk {
        private final String role;
        private final Map<Object, Step> onPath = new IdentityHashMap<>();
        private final Map<Object, Integer> doneAtDepth = new IdentityHashMap<>();

        Walk(String role) {
            this.role = role;
        }

        /** At least the size of the JSON so far: its strings and primitive arrays. */
        private long leastBytes;

        /** Counts what {@code value} adds to the JSON at least, refusing it once that is over the limit. */
        private void count(Object value) {
            if (value instanceof String s) {
                leastBytes += s.length() + 2;
            } else if (value.getClass().isArray() && value.getClass().getComponentType().isPrimitive()) {
                leastBytes += 2L * java.lang.reflect.Array.getLength(value);   // a digit and a comma each
            } else {
                return;
            }
            if (leastBytes > ValueLimits.MAX_ENCODED_BYTES) {
                throw refuseSending(role, value.getClass(), ValueLimits.tooBig(leastBytes));
            }
        }

        void run(Object root) {
            count(root);
            if (isPlain(root.getClass())) {
                return;
            }
            Deque<Step> stack = new ArrayDeque<>();
            enter(stack, root, null, "value", 0);
            while (!stack.isEmpty()) {
                Step top = stack.peek();
                if (!top.parts.hasNext()) {
                    stack.pop();
                    onPath.remove(top.value);
                    doneAtDepth.put(top.value, top.depth);
                    continue;
                }
                Part part = top.parts.next();
                Object child = part.value;
                if (child == null) {
                    continue;
                }
                count(child);
                if (isPlain(child.getClass())) {
                    continue;
                }
                Step again = onPath.get(child);
                if (again != null) {
                    throw refuseSending(role, child.getClass(), "it contains itself: " + top.path() + part.label + " is "
                            + again.path() + " again; JSON carries trees, not cycles: send the data without the"
                            + " back reference");
                }
                Integer done = doneAtDepth.get(child);
                if (done == null || done > top.depth + 1) {
                    enter(stack, child, top, part.label, top.depth + 1);
                }
            }
        }

        private void enter(Deque<Step> stack, Object value, Step parent, String label, int depth) {
            Iterator<Part> parts = partsOf(value, role);
            if (parts == null) {
                return;   // no container: checked on its own
            }
            Step step = new Step(value, parent, label, depth, parts);
            if (depth > ValueLimits.MAX_DEPTH) {
                throw refuseSending(role, value.getClass(), "it is nested more than " + ValueLimits.MAX_DEPTH
                        + " deep (at " + step.path() + "); send it flatter, e.g. as a list of rows or an encoded"
                        + " string");
            }
            onPath.put(value, step);
            stack.push(step);
        }
    }

    /**
     * The parts of a container or record, each with its label in a path; null for a value without parts of its
     * own, which is checked here (refused, or round-tripped once per class).
     */
    private static Iterator<Part> partsOf(Object value, String role) {
        Class<?> type = value.getClass();
        if (CHECKED.containsKey(type) && !type.isRecord()) {
            return null;
        }
        for (Class<?> refused : NEVER_SENDABLE) {
            if (refused.isAssignableFrom(type)) {
                throw refuseSending(role, type, "it is a " + refused.getSimpleName() + ", which only lives in this process");
            }
        }
        if (type.isSynthetic() || type.isHidden()) {
            throw refuseSending(role, type, "it is a lambda or generated class; pass data, or a ProcessFunction as the task");
        }
        if (value instanceof Collection<?> collection) {
            Iterator<?> elements = collection.iterator();
            int[] index = {0};
            return map(elements, element -> new Part("[" + index[0]++ + "]", element));
        }
        if (value instanceof Map<?, ?> map) {
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            List<Part> pending = new ArrayList<>(2);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return !pending.isEmpty() || entries.hasNext();
                }

                @Override
                public Part next() {
                    if (pending.isEmpty()) {
                        Map.Entry<?, ?> entry = entries.next();
                        String key = shortText(entry.getKey());
                        pending.add(new Part("{key " + key + "}", entry.getKey()));
                        pending.add(new Part("[" + key + "]", entry.getValue()));
                    }
                    return pending.remove(0);
                }
            };
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(inner -> List.of(new Part(".get()", inner)).iterator())
                    .orElse(java.util.Collections.emptyIterator());
        }
        if (type.isArray()) {
            if (type.getComponentType().isPrimitive()) {
                return java.util.Collections.emptyIterator();
            }
            Object[] elements = (Object[]) value;
            int[] index = {0};
            return map(java.util.Arrays.asList(elements).iterator(), element -> new Part("[" + index[0]++ + "]", element));
        }
        if (!CHECKED.containsKey(type)) {
            if (RecordShape.of(type) == null && !StatelessFunction.is(type)) {   // those travel without JSON-B
                roundTrip(value, type, role);
            }
            CHECKED.put(type, Boolean.TRUE);
        }
        return type.isRecord() ? recordComponents(value, type) : null;
    }

    /** A record's components: records may nest as deep as containers. */
    private static Iterator<Part> recordComponents(Object value, Class<?> type) {
        List<Part> parts = new ArrayList<>();
        for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
            if (component.getType().isPrimitive()) {
                continue;
            }
            try {
                parts.add(new Part("." + component.getName() + "()", component.getAccessor().invoke(value)));
            } catch (ReflectiveOperationException | RuntimeException notAccessible) {
                // JSON-B cannot read it either; its round trip said what it could
            }
        }
        return parts.iterator();
    }

    private static <T> Iterator<Part> map(Iterator<T> source, java.util.function.Function<T, Part> label) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Part next() {
                return label.apply(source.next());
            }
        };
    }

    private static String shortText(Object key) {
        String text = String.valueOf(key);
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static void roundTrip(Object value, Class<?> type, String role) {
        try {
            String json = JsonbHolder.JSONB.toJson(value, ValueTypes.of(value));
            JsonbHolder.JSONB.fromJson(json, ValueTypes.of(value));
        } catch (JsonbException | UnsupportedOperationException e) {
            throw refuseSending(role, type, "JSON-B cannot write and read it back (" + e.getMessage()
                    + "); give it a public no-argument constructor and public properties, or make it a record");
        }
    }

    private static boolean isPlain(Class<?> type) {
        return type == String.class || type == Integer.class || type == Long.class || type == Double.class
                || type == Boolean.class || type == Float.class || type == Short.class || type == Byte.class
                || type == Character.class || type == java.math.BigDecimal.class
                || type == java.math.BigInteger.class || type.isEnum();
    }

    static IllegalArgumentException refuse(String role, Class<?> type, String why) {
        return refuse(role, type, WORKER, why);
    }

    /** @param roleAndDestination e.g. "input #3 of map to a worker": the type's name goes between the two */
    private static IllegalArgumentException refuseSending(String roleAndDestination, Class<?> type, String why) {
        int split = roleAndDestination.lastIndexOf(WORKER);
        if (split < 0) {
            split = roleAndDestination.lastIndexOf(" back to the parent");
        }
        return refuse(roleAndDestination.substring(0, split), type, roleAndDestination.substring(split), why);
    }

    private static IllegalArgumentException refuse(String role, Class<?> type, String destination, String why) {
        return new IllegalArgumentException("cannot send " + role + " of type " + type.getName() + destination + ": "
                + why);
    }
}
