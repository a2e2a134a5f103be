package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples in the public API's javadoc ({@code <pre>{@code ...}</pre>} blocks) compile and run as they are
 * written, each as the body of a method with the API, {@code java.util} and {@code java.util.concurrent} imported.
 */
class JavadocExamplesTest {
    private static final Path API = Path.of("src/main/java/dev/processpool");
    private static final Pattern EXAMPLE = Pattern.compile("<pre>\\{@code\\n(.*?)\\n\\s*\\*\\s*}</pre>", Pattern.DOTALL);
    private static final Pattern MARGIN = Pattern.compile("(?m)^\\s*\\* ?");

    @TempDir
    Path classes;

    @TestFactory
    Stream<DynamicTest> everyExampleCompilesAndRuns() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String type : List.of("Pool", "ProcessContext", "PoolOptions")) {
            List<String> examples = examples(API.resolve(type + ".java"));
            assertTrue(!examples.isEmpty(), type + " has an example");
            for (int i = 0; i < examples.size(); i++) {
                String name = type + "Example" + i;
                String body = examples.get(i);
                tests.add(DynamicTest.dynamicTest(name, () -> run(name, body)));
            }
        }
        return tests.stream();
    }

    @Test
    void findsTheExamplesOfAType() throws IOException {
        List<String> examples = examples(API.resolve("PoolOptions.java"));
        assertEquals(1, examples.size());
        assertTrue(examples.get(0).startsWith("PoolOptions options = PoolOptions.builder()"), examples.get(0));
    }

    static List<String> examples(Path source) throws IOException {
        Matcher example = EXAMPLE.matcher(Files.readString(source));
        List<String> found = new ArrayList<>();
        while (example.find()) {
            found.add(MARGIN.matcher(example.group(1)).replaceAll(""));
        }
        return found;
    }

    private void run(String name, String body) throws Exception {
        Path source = classes.resolve("examples/" + name + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package examples;\n"
                + "import dev.processpool.*;\nimport java.util.*;\nimport java.util.concurrent.*;\n"
                + "public class " + name + " implements Callable<Object> {\n"
                + "    @Override\n    public Object call() throws Exception {\n" + body + "\n        return null;\n    }\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean compiled = javac.getTask(errors, null, null, List.of("-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), "-Xlint:all", "-Werror"), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(source)).call();
        assertTrue(compiled, "the example of " + name + " compiles:\n" + body + "\n" + errors);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                JavadocExamplesTest.class.getClassLoader())) {
            Callable<?> example = (Callable<?>) loader.loadClass("examples." + name).getConstructor().newInstance();
            example.call();
        }
    }
}
