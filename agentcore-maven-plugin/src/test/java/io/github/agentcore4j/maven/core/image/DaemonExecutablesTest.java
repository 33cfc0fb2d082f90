package io.github.agentcore4j.maven.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonExecutablesTest {

    @TempDir
    Path work;

    @Test
    void prefersDockerAndFallsBackToPodman() throws IOException {
        Path first = Files.createDirectories(work.resolve("first"));
        Path second = Files.createDirectories(work.resolve("second"));
        Path podman = executable(first.resolve("podman"));
        String path = first + File.pathSeparator + second;
        assertEquals(Optional.of(podman), DaemonExecutables.find(path));

        Path docker = executable(second.resolve("docker"));
        assertEquals(Optional.of(docker), DaemonExecutables.find(path));
    }

    @Test
    void findsNothingWithoutAnExecutableClient() throws IOException {
        Files.writeString(work.resolve("docker"), "not executable");
        assertEquals(Optional.empty(), DaemonExecutables.find(work.toString()));
        assertEquals(Optional.empty(), DaemonExecutables.find(null));
    }

    private static Path executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        file.toFile().setExecutable(true);
        return file;
    }
}
