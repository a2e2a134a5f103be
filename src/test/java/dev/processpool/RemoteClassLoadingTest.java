package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.processpool.internal.classloading.BytesUrl;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Workers run classes that exist only in a class loader of the parent, never in a file: compiled in memory by
 * this test and defined by an in-memory loader, like an application server's loaders for WARs and EARs.
 */
class RemoteClassLoadingTest extends SharedPoolTest {
    private static final Map<String, String> SOURCES = Map.of(
            "inmemory.Point", "package inmemory; public record Point(int x, int y) {}",
            "inmemory.Helper", "package inmemory; class Helper { static int twice(int v) { return 2 * v; } }",
            "inmemory.Doubler", """
                    package inmemory;
                    public class Doubler implements dev.processpool.ProcessFunction<Integer, Integer> {
                        public Integer apply(Integer x) { return Helper.twice(x); }
                    }""",
            "inmemory.Tasks", """
                    package inmemory;
                    import dev.processpool.ProcessFunction;
                    public class Tasks {
                        public static ProcessFunction<Point, Point> mirror() { return p -> new Point(p.y(), p.x()); }
                        public static ProcessFunction<Integer, String> describe(String prefix) {
                            return x -> prefix + Helper.twice(x) + " from " + Tasks.class.getClassLoader().getName();
                        }
                        public static ProcessFunction<String, String> resource() {
                            return name -> new String(Tasks.class.getResourceAsStream(name).readAllBytes());
                        }
                    }""");

    private ClassLoader loader;

    @BeforeAll
    void compileInMemory() {
        Map<String, byte[]> files = compile(SOURCES);
        files.put("inmemory/greeting.txt", "hello from memory".getBytes());
        loader = new InMemoryClassLoader(files, RemoteClassLoadingTest.class.getClassLoader());
    }

    @Test
    void theTaskClassesExistOnlyInTheInMemoryLoader() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("inmemory.Doubler"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void workerRunsAnInMemoryFunctionClassWithItsHelpers() throws Exception {
        ProcessFunction<Integer, Integer> doubler = (ProcessFunction<Integer, Integer>)
                loader.loadClass("inmemory.Doubler").getConstructor().newInstance();
        assertEquals(List.of(2, 4, 6), pool.map(doubler, List.of(1, 2, 3)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void workerRunsAnInMemoryLambdaWithItsCapturedValue() throws Exception {
        ProcessFunction<Integer, String> describe = (ProcessFunction<Integer, String>)
                loader.loadClass("inmemory.Tasks").getMethod("describe", String.class).invoke(null, "got ");
        assertEquals("got 42 from processpool-remote-1", pool.apply(describe, 21).replaceAll("remote-\\d+", "remote-1"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void inMemoryRecordsTravelAsInputsAndResults() throws Exception {
        Class<?> point = loader.loadClass("inmemory.Point");
        Object input = point.getConstructor(int.class, int.class).newInstance(1, 2);
        ProcessFunction<Object, Object> mirror = (ProcessFunction<Object, Object>)
                loader.loadClass("inmemory.Tasks").getMethod("mirror").invoke(null);
        Object result = pool.apply(mirror, input);
        assertEquals(point, result.getClass());
        assertEquals(point.getConstructor(int.class, int.class).newInstance(2, 1), result);
    }

    @Test
    @SuppressWarnings("unchecked")
    void workerReadsResourcesOfTheInMemoryLoader() throws Exception {
        ProcessFunction<String, String> read = (ProcessFunction<String, String>)
                loader.loadClass("inmemory.Tasks").getMethod("resource").invoke(null);
        assertEquals("hello from memory", pool.apply(read, "greeting.txt"));
    }

    // ---- compiling to memory, and a loader that serves classes and resources from memory

    private static Map<String, byte[]> compile(Map<String, String> sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(null, null, null);
        JavaFileManager manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        classes.put(className.replace('.', '/') + ".class", bytes);
                        return bytes;
                    }
                };
            }
        };
        List<JavaFileObject> units = sources.entrySet().stream().map(e -> (JavaFileObject) new SimpleJavaFileObject(
                URI.create("string:///" + e.getKey().replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return e.getValue();
            }
        }).toList();
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"));
        if (!compiler.getTask(null, manager, null, options, null, units).call()) {
            throw new AssertionError("in-memory sources did not compile");
        }
        Map<String, byte[]> files = new HashMap<>();
        classes.forEach((name, bytes) -> files.put(name, bytes.toByteArray()));
        return files;
    }

    static final class InMemoryClassLoader extends ClassLoader {
        private final Map<String, byte[]> files;

        InMemoryClassLoader(Map<String, byte[]> files, ClassLoader parent) {
            super("in-memory", parent);
            this.files = files;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = files.get(name.replace('.', '/') + ".class");
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        protected URL findResource(String name) {
            byte[] bytes = files.get(name);
            if (bytes == null) {
                return null;
            }
            return BytesUrl.of("mem", "", "/" + name, bytes);
        }
    }
}
