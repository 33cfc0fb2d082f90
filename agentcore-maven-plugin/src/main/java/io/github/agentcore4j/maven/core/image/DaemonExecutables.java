package io.github.agentcore4j.maven.core.image;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

/** Finds the command-line client of a local container engine: {@code docker} first, else {@code podman}. */
public final class DaemonExecutables {

    private static final List<String> CLIENTS = List.of("docker", "podman");

    private DaemonExecutables() {
    }

    /** Looks on the process's {@code PATH}. */
    public static Optional<Path> find() {
        return find(System.getenv("PATH"));
    }

    /**
     * @param searchPath a {@code PATH}-style list of directories, may be {@code null}
     */
    public static Optional<Path> find(String searchPath) {
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String client : CLIENTS) {
            for (String directory : searchPath.split(File.pathSeparator)) {
                if (directory.isEmpty()) {
                    continue;
                }
                Path candidate = Paths.get(directory, client);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
