package io.github.agentcore4j.it.registry;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the external tools these tests drive, and fails (never skips) when one is missing. */
public final class Executables {

    private Executables() {
    }

    /** The absolute path of {@code name} on the PATH; an AssertionError naming the package to install otherwise. */
    public static String require(String name) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                Path candidate = Path.of(directory.isEmpty() ? "." : directory, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toAbsolutePath().toString();
                }
            }
        }
        throw new AssertionError(name + " is not installed or not on the PATH; these tests need a real registry "
                + "and skopeo: " + LocalRegistry.INSTALL_HINT);
    }
}
