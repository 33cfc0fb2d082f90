package io.github.agentcore4j.maven.core.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The Java application that goes into the image, split the way its parts change: release dependencies rarely,
 * snapshot dependencies sometimes, resources and classes on every edit.
 *
 * @param mainClass fully qualified name of the class the entrypoint runs
 * @param outputDirectory compiled classes and processed resources together, as Maven's {@code target/classes}
 * @param dependencies runtime dependency jars with release versions
 * @param snapshotDependencies runtime dependency jars with snapshot versions
 */
public record JavaApplication(
        String mainClass, Path outputDirectory, List<Path> dependencies, List<Path> snapshotDependencies) {

    public JavaApplication {
        Objects.requireNonNull(mainClass, "mainClass");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        dependencies = List.copyOf(dependencies);
        snapshotDependencies = List.copyOf(snapshotDependencies);
    }
}
