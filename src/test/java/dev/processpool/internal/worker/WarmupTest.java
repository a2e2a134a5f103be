package dev.processpool.internal.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.internal.codec.ValueCodec;
import dev.processpool.internal.workerjvm.WarmUpHints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reserve worker's warm-up prepares its pool's class path loader and loads the task classes it is hinted. */
class WarmupTest {
    @TempDir
    Path classPath;

    /** Compiles {@code warmed.<name>}, a class only the class path loader of {@link #classPath} can find. */
    private String compileTaskClass(String name) throws IOException {
        Path source = classPath.resolve(name + ".java");
        Files.writeString(source, "package warmed" + name + "; public class " + name + " { }");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classPath.toString(),
                source.toString());
        assertEquals(0, status, "javac of " + source);
        return "warmed" + name + "." + name;
    }

    @Test
    void hintedTaskClassesAreLoadedAheadInTheLoaderTheTasksWillUse() throws IOException {
        String hinted = compileTaskClass("Hinted");
        String notHinted = compileTaskClass("NotHinted");
        WarmUpHints hints = new WarmUpHints(classPath.toString(), List.of(hinted, "no.such.Task"), "", false);

        Warmup.runToEnd(hints, false);

        ClassLoader loader = ClassPathLoader.of(classPath.toString());
        assertSame(loader, ClassPathLoader.of(classPath.toString()), "the loader built ahead is the one tasks get");
        assertNotNull(loader.getDefinedPackage("warmedHinted"), "the hinted class was loaded ahead");
        assertNull(loader.getDefinedPackage("warmedNotHinted"), "a class not hinted is not loaded: " + notHinted);
    }

    @Test
    void anotherClassPathGetsALoaderOfItsOwn() {
        Warmup.runToEnd(new WarmUpHints(classPath.toString(), List.of(), "", false), false);
        ClassLoader other = ClassPathLoader.of(classPath.resolve("other").toString());
        assertNotNull(other);
        assertEquals(false, other == ClassPathLoader.of(classPath.toString()));
    }

    @Test
    void hintsTravelAsOneLineAndEmptyPartsStayEmpty() {
        WarmUpHints hints = new WarmUpHints("/a.jar:/b", List.of("x.A", "y.B"), "{\"kind\":\"LAMBDA\"}", true);
        assertEquals(hints, WarmUpHints.of(hints.line()));
        WarmUpHints plain = new WarmUpHints("/a.jar", List.of(), "", false);
        assertEquals(plain, WarmUpHints.of(plain.line()), "a parent that never needed JSON-B");
        assertEquals(1, hints.line().lines().count());
        assertEquals(WarmUpHints.NONE, WarmUpHints.of(WarmUpHints.NONE.line()));
        assertTrue(WarmUpHints.isHints(hints.line()));
        assertFalse(WarmUpHints.isHints("/tmp/pool/socket\t0123abcd"), "the line that hands a worker out");
        assertFalse(WarmUpHints.isHints(""), "the end of the input");
        assertEquals(WarmUpHints.NONE, WarmUpHints.of("/tmp/pool/socket\t0123abcd"), "a line that is no hints");
    }

    @Test
    void theParentsEncodingOfTheWarmUpTaskRunsInTheWorker() throws Exception {
        ValueCodec ints = new ValueCodec(Integer.class);
        TaskRunner.Results results = new TaskRunner((loader, name) -> null, "").run(1, Warmup.encodedTask(),
                ints.encode(List.of(1, 2)), 0, ItemWatch.idle());
        assertEquals(List.of(2, 3), ints.decode(results.encoded(), null));
        assertEquals(List.of(), results.failures());
    }
}
