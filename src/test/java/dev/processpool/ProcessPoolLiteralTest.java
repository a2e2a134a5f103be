package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** {@link ProcessPool.Literal} stands for the annotation it spells out, as CDI compares qualifiers. */
class ProcessPoolLiteralTest {
    @ProcessPool
    private Object defaults;

    @ProcessPool(name = "thumbnails", startMethod = "spawn", processes = 2, maxTasksPerChild = 500,
            jvmOptions = "-Xmx256m")
    private Object configured;

    private static ProcessPool annotationOf(String field) throws NoSuchFieldException {
        return ProcessPoolLiteralTest.class.getDeclaredField(field).getAnnotation(ProcessPool.class);
    }

    @Test
    void instanceEqualsTheAnnotationWithEveryMemberAtItsDefault() throws Exception {
        ProcessPool annotation = annotationOf("defaults");
        assertEquals(annotation, ProcessPool.Literal.INSTANCE);
        assertEquals(ProcessPool.Literal.INSTANCE, annotation);
        assertEquals(annotation.hashCode(), ProcessPool.Literal.INSTANCE.hashCode());
    }

    @Test
    void ofSpellsOutEveryMember() throws Exception {
        ProcessPool literal = ProcessPool.Literal.of("thumbnails", "spawn", 2, 500, ProcessRunnable.class, "-Xmx256m");
        assertEquals(annotationOf("configured"), literal);
        assertEquals("spawn", literal.startMethod());
        assertEquals(2, literal.processes());
        assertEquals(500, literal.maxTasksPerChild());
        assertArrayEquals(new String[] {"-Xmx256m"}, literal.jvmOptions());
        assertNotEquals(ProcessPool.Literal.INSTANCE, literal);
    }

    @Test
    void jvmOptionsAreCopiedInAndOut() {
        String[] options = {"-Xmx64m"};
        ProcessPool literal = ProcessPool.Literal.of("", "", 0, 0, ProcessRunnable.class, options);
        options[0] = "changed";
        literal.jvmOptions()[0] = "changed too";
        assertArrayEquals(new String[] {"-Xmx64m"}, literal.jvmOptions());
    }
}
