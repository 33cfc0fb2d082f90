package io.github.agentcore4j.maven.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainClassDetectorTest {

    @TempDir
    Path directory;

    /**
     * Compiles the given sources (class name to body) into {@code classes} with the JDK's compiler, for Java 17 like
     * the project, so the result does not depend on the JDK running the test (from Java 25 on, an instance
     * {@code main} is a main class too).
     */
    private Path compile(Map<String, String> sources) throws IOException {
        return compile(17, sources);
    }

    private Path compile(int release, Map<String, String> sources) throws IOException {
        Path sourceDirectory = Files.createDirectories(directory.resolve("src"));
        Path classes = Files.createDirectories(directory.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("--release", Integer.toString(release), "-d",
                classes.toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            String className = source.getKey();
            int dot = className.lastIndexOf('.');
            Path file = sourceDirectory.resolve(className.replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "package " + className.substring(0, dot) + ";\n" + source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, arguments.toArray(String[]::new)));
        return classes;
    }

    @Test
    void findsTheOnlyMainClass() throws IOException {
        Path classes = compile(Map.of(
                "com.example.agent.Agent", "public class Agent { public static void main(String[] args) { } }",
                "com.example.agent.Helper", "class Helper { static void main(int x) { } void run() { } }"));

        assertEquals("com.example.agent.Agent", MainClassDetector.detect(classes));
        assertEquals("com.example.agent.Agent", MainClassDetector.resolve(null, classes));
    }

    @Test
    void namesEveryCandidateWhenThereAreSeveral() throws IOException {
        Path classes = compile(Map.of(
                "com.example.One", "public class One { public static void main(String[] args) { } }",
                "com.example.Two", "public class Two { public static void main(String... args) { } }"));

        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> MainClassDetector.detect(classes));

        assertEquals("mainClass", e.parameter());
        assertEquals("Invalid setting <mainClass> (-Dagentcore.mainClass): it is not set and " + classes + " has "
                + "several main classes: com.example.One, com.example.Two. Fix: set <mainClass> / "
                + "-Dagentcore.mainClass to the one that starts the agent.", e.getMessage());
    }

    @Test
    void explainsWhenThereIsNoMainClass() throws IOException {
        Path classes = compile(Map.of("com.example.Tool", "public class Tool { public void main() { } }"));

        assertEquals("Invalid setting <mainClass> (-Dagentcore.mainClass): it is not set and " + classes + " has no "
                + "class with public static void main(String[]). Fix: add a main class that starts AgentCoreApp, or "
                + "set <mainClass> / -Dagentcore.mainClass.",
                assertThrows(InvalidSettingException.class, () -> MainClassDetector.detect(classes)).getMessage());
    }

    @Test
    void countsAJava25InstanceMainAsAMainClass() throws IOException {
        assumeTrue(Runtime.version().feature() >= 25, "needs a JDK that compiles Java 25");
        Path classes = compile(25, Map.of("com.example.Tool", "public class Tool { void main() { } }"));

        assertEquals("com.example.Tool", MainClassDetector.detect(classes));
    }

    @Test
    void asksToCompileFirstWhenThereAreNoClasses() {
        Path missing = directory.resolve("target/classes");

        assertEquals("Invalid setting <mainClass> (-Dagentcore.mainClass): it is not set and cannot be detected "
                + "because " + missing + " does not exist yet. Fix: compile first (e.g. `mvn compile "
                + "agentcore:<goal>`) or set <mainClass> / -Dagentcore.mainClass.",
                assertThrows(InvalidSettingException.class, () -> MainClassDetector.resolve(" ", missing))
                        .getMessage());
    }

    @Test
    void aConfiguredMainClassWinsWithoutLooking() {
        assertEquals("com.example.Agent$Main",
                MainClassDetector.resolve(" com.example.Agent$Main\n", directory.resolve("nothing-here")));
    }

    @Test
    void rejectsAConfiguredValueThatIsNoClassName() {
        assertEquals("Invalid setting <mainClass> (-Dagentcore.mainClass): 'com.example.My-Agent' is not a fully "
                + "qualified class name. Fix: give the class as package.ClassName, e.g. com.example.MyAgent.",
                assertThrows(InvalidSettingException.class,
                        () -> MainClassDetector.resolve("com.example.My-Agent", directory)).getMessage());
    }
}
