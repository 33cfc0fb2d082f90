package io.github.agentcore4j.maven.core;

import com.google.cloud.tools.jib.api.MainClassFinder;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the agent's main class among the compiled classes when there is exactly one class with
 * {@code public static void main(String[])}. Uses jib-core's finder, which reads bytecode without loading classes.
 */
public final class MainClassDetector {

    private static final Pattern JAVA_CLASS_NAME =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
                    + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    private MainClassDetector() {
    }

    /**
     * The configured main class when there is one, else the detected one.
     *
     * @param configured the {@code mainClass} setting, may be {@code null}
     * @param classesDirectory the project's compiled classes, normally {@code target/classes}
     * @throws InvalidSettingException naming {@code mainClass} when the setting is not a class name or names a class
     *     the compiled classes lack, or when it is unset and detection finds no main class or more than one
     */
    public static String resolve(String configured, Path classesDirectory) {
        if (configured == null || configured.isBlank()) {
            return detect(classesDirectory);
        }
        String className = configured.trim();
        if (!JAVA_CLASS_NAME.matcher(className).matches()) {
            throw new InvalidSettingException(PropertyNames.MAIN_CLASS,
                    "'" + className + "' is not a fully qualified class name",
                    "give the class as package.ClassName, e.g. com.example.MyAgent");
        }
        Path classFile = classesDirectory.resolve(className.replace('.', '/') + ".class");
        if (Files.isDirectory(classesDirectory) && !Files.isRegularFile(classFile)) {
            throw new InvalidSettingException(PropertyNames.MAIN_CLASS,
                    className + " is not among the compiled classes in "
                    + classesDirectory, "check its spelling and package, or leave mainClass unset to detect the "
                    + "class with public static void main(String[])");
        }
        return className;
    }

    /** Whether the compiled classes include at least one main class (none when they do not exist). */
    public static boolean hasMainClass(Path classesDirectory) {
        return Files.isDirectory(classesDirectory) && MainClassFinder.find(classFiles(classesDirectory), event -> { })
                .getType() != MainClassFinder.Result.Type.MAIN_CLASS_NOT_FOUND;
    }

    /**
     * @param classesDirectory the project's compiled classes, normally {@code target/classes}
     * @return the fully qualified name of the only main class
     * @throws InvalidSettingException naming {@code mainClass} when there is no main class or more than one
     */
    public static String detect(Path classesDirectory) {
        if (!Files.isDirectory(classesDirectory)) {
            throw new InvalidSettingException(PropertyNames.MAIN_CLASS, "it is not set and cannot be detected because "
                    + classesDirectory + " does not exist yet", "compile first (e.g. `mvn compile agentcore:<goal>`)"
                    + " or set <mainClass> / -Dagentcore.mainClass");
        }
        MainClassFinder.Result result = MainClassFinder.find(classFiles(classesDirectory), event -> { });
        switch (result.getType()) {
            case MAIN_CLASS_FOUND:
                return result.getFoundMainClass();
            case MULTIPLE_MAIN_CLASSES:
                throw new InvalidSettingException(PropertyNames.MAIN_CLASS, "it is not set and " + classesDirectory
                        + " has several main classes: " + String.join(", ", result.getFoundMainClasses()),
                        "set <mainClass> / -Dagentcore.mainClass to the one that starts the agent");
            default:
                throw new InvalidSettingException(PropertyNames.MAIN_CLASS, "it is not set and " + classesDirectory
                        + " has no class with public static void main(String[])",
                        "add a main class that starts AgentCoreApp, or set <mainClass> / -Dagentcore.mainClass");
        }
    }

    private static List<Path> classFiles(Path classesDirectory) {
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".class"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the classes in " + classesDirectory, e);
        }
    }
}
