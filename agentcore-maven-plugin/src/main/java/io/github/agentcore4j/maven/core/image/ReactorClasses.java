package io.github.agentcore4j.maven.core.image;

import io.github.agentcore4j.maven.core.BuildLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Dependencies that are directories: in a reactor build that stops before {@code package} (e.g.
 * {@code mvn -pl agent -am compile agentcore:build}), a sibling module's artifact is its {@code target/classes}.
 * Jib's Java layout takes jar files only, so each such directory is packed into a jar of its own first; the
 * image would otherwise lack those classes and fail at the first invocation.
 */
final class ReactorClasses {

    /** A fixed entry time, so the same classes give the same jar bytes and so the same image digest. */
    private static final FileTime ENTRY_TIME = FileTime.fromMillis(315_532_800_000L + 86_400_000L);

    private ReactorClasses() {
    }

    /**
     * The dependencies with every directory replaced by a jar of it in {@code jarDirectory}, named after the
     * module directory (the directory's grandparent, as in {@code module/target/classes}).
     */
    static List<Path> asJars(List<Path> dependencies, Path jarDirectory, BuildLog log) {
        List<Path> jars = new ArrayList<>();
        for (Path dependency : dependencies) {
            if (Files.isDirectory(dependency)) {
                Path jar = jarDirectory.resolve(moduleName(dependency) + ".jar");
                pack(dependency, jar);
                log.info("Packed the reactor module classes " + dependency + " into " + jar + " for the image");
                jars.add(jar);
            } else {
                jars.add(dependency);
            }
        }
        return jars;
    }

    private static String moduleName(Path classesDirectory) {
        Path absolute = classesDirectory.toAbsolutePath().normalize();
        Path module = absolute.getParent() == null ? null : absolute.getParent().getParent();
        return (module == null || module.getFileName() == null ? absolute : module).getFileName().toString();
    }

    private static void pack(Path directory, Path jar) {
        try {
            Files.createDirectories(jar.getParent());
            List<Path> entries;
            try (Stream<Path> files = Files.walk(directory)) {
                entries = files.filter(path -> !path.equals(directory)).sorted().collect(Collectors.toList());
            }
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file)) {
                for (Path path : entries) {
                    String name = directory.relativize(path).toString().replace('\\', '/');
                    boolean isDirectory = Files.isDirectory(path);
                    JarEntry entry = new JarEntry(isDirectory ? name + "/" : name);
                    entry.setLastModifiedTime(ENTRY_TIME);
                    out.putNextEntry(entry);
                    if (!isDirectory) {
                        Files.copy(path, out);
                    }
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot pack the reactor module classes " + directory + " into " + jar, e);
        }
    }
}
