package io.github.agentcore4j.maven.core.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A cheap summary of a directory tree (paths, sizes, modification times) that changes whenever a file in it is
 * added, removed or rewritten, e.g. when {@code mvn compile} runs in another terminal.
 */
final class ClassesFingerprint {

    private ClassesFingerprint() {
    }

    static long of(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> fileFingerprint(directory, file))
                    .sum();
        } catch (IOException | UncheckedIOException changedWhileWalking) {
            // Files vanish while a compiler rewrites the tree; a fingerprint that differs makes the caller look again.
            return -1;
        }
    }

    private static long fileFingerprint(Path directory, Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Objects.hash(directory.relativize(file).toString(), attributes.size(),
                    attributes.lastModifiedTime().toMillis());
        } catch (NoSuchFileException deleted) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
