package dev.processpool.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java examples as a reader copies them: every {@code ```java} block compiles on its own (against the
 * library and its Jakarta APIs, with its imports as written); a block with a {@code main} runs in a JVM of its own
 * and prints exactly the {@code ```text} block that follows it. The README's dependency block names this build's
 * coordinates and the versions of Yasson and Parsson the tests use.
 */
class ReadmeExamplesTest {
    private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)");

    private record Block(String language, String text) {
    }

    @Test
    void everyJavaBlockCompilesAndEveryProgramPrintsWhatTheReadmeSays(@TempDir Path classes) throws Exception {
        List<Block> blocks = readmeBlocks();
        int programs = 0;
        int javaBlocks = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (!block.language().equals("java")) {
                continue;
            }
            javaBlocks++;
            String className = className(block.text());
            compile(className, block.text(), classes);
            if (block.text().contains("static void main(")) {
                programs++;
                assertTrue(i + 1 < blocks.size() && blocks.get(i + 1).language().equals("text"),
                        className + "'s block is followed by a ```text block with what it prints");
                assertEquals(blocks.get(i + 1).text().strip(), run(className, classes).strip(),
                        "what " + className + " prints");
            }
        }
        assertTrue(javaBlocks >= 2, "the README's Java blocks were found: " + javaBlocks);
        assertEquals(1, programs, "the README's Example is run");
    }

    @Test
    void theDependencyBlockNamesThisBuildAndTheTestedJsonProviders() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String xml = readmeBlocks().stream().filter(b -> b.language().equals("xml"))
                .filter(b -> b.text().contains("<artifactId>processpool</artifactId>")).findFirst()
                .orElseThrow(() -> new AssertionError("the README has a <dependency> block for processpool")).text();
        assertTrue(xml.contains("<groupId>dev.processpool</groupId>"), xml);
        assertTrue(xml.contains("<version>" + pomValue(pom, "version") + "</version>"), "this build's version: " + xml);
        for (String provider : List.of("yasson", "parsson")) {
            assertTrue(Pattern.compile("<artifactId>" + provider + "</artifactId>\\s*<version>"
                    + Pattern.quote(pomValue(pom, provider + ".version")) + "<").matcher(xml).find(),
                    "the README names the " + provider + " version the tests use: " + xml);
        }
    }

    private static List<Block> readmeBlocks() throws Exception {
        Matcher matcher = BLOCK.matcher(Files.readString(Path.of("README.md")));
        List<Block> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(new Block(matcher.group(1), matcher.group(2)));
        }
        return blocks;
    }

    private static String pomValue(String pom, String element) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(element) + ">([^<]+)</").matcher(pom);
        assertTrue(matcher.find(), element + " in pom.xml");
        return matcher.group(1);
    }

    private static String className(String source) {
        Matcher matcher = CLASS_NAME.matcher(source);
        assertTrue(matcher.find(), "a public class in:\n" + source);
        return matcher.group(1);
    }

    private static void compile(String className, String source, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(java.net.URI.create("string:///" + className + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter diagnostics = new StringWriter();
        boolean compiled = compiler.getTask(diagnostics, null, null, List.of("-classpath",
                System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none", "-Xlint:all", "-Werror"), null,
                List.of(file)).call();
        assertTrue(compiled, "the README's " + className + " compiles as written:\n" + diagnostics);
        assertFalse(diagnostics.toString().contains("warning"), diagnostics.toString());
    }

    private static String run(String className, Path classes) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp",
                classes + File.pathSeparator + System.getProperty("java.class.path"), className)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), className + " did not end");
        assertEquals(0, process.exitValue(), className + " failed:\n" + output);
        return output;
    }
}
