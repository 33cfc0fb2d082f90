package io.github.agentcore4j.maven.core.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.agentcore4j.maven.core.local.AgentStartException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine detection against real executables: scripts that answer like a daemon-less docker and a podman. */
class ContainerEngineTest {

    private static final String NO_DAEMON = "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. "
            + "Is the docker daemon running?";

    @TempDir
    Path bin;

    private Path script(String name, String body) throws Exception {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void aDockerWithoutDaemonIsPassedOverForAnAnsweringPodman() throws Exception {
        script("docker", "echo 'Client: 27.0.0'; echo '" + NO_DAEMON + "' >&2; exit 1");
        Path podman = script("podman", "echo 'Version: 4.3.1'");

        ContainerEngine engine = ContainerEngine.find(null, bin.toString());

        assertEquals(podman, engine.executable());
        assertEquals("podman", engine.name());
    }

    @Test
    void noAnsweringEngineNamesEachOneTriedAndTheFix() throws Exception {
        Path docker = script("docker", "echo '" + NO_DAEMON + "' >&2; exit 1");

        AgentStartException e = assertThrows(AgentStartException.class,
                () -> ContainerEngine.find(null, bin.toString()));

        assertEquals("No container engine answers (" + docker + ": `docker version` failed: " + NO_DAEMON
                + "; podman: not found on the PATH). Fix: install Podman, which needs no daemon (Debian/Ubuntu: "
                + "apt-get install podman), or start Docker; or point -Dagentcore.containerEngine at the engine's "
                + "command.", e.getMessage());
    }

    @Test
    void aConfiguredEngineIsTheOnlyOneTried() throws Exception {
        script("docker", "exit 0");
        Path podman = script("podman", "exit 0");

        assertEquals(podman, ContainerEngine.find("podman", bin.toString()).executable());
        assertEquals(podman, ContainerEngine.find(podman.toString(), "").executable());
        AgentStartException e = assertThrows(AgentStartException.class,
                () -> ContainerEngine.find("nerdctl", bin.toString()));
        assertEquals("No container engine answers (nerdctl: not found on the PATH). Fix: install Podman, which "
                + "needs no daemon (Debian/Ubuntu: apt-get install podman), or start Docker; or point "
                + "-Dagentcore.containerEngine at the engine's command.", e.getMessage());
    }
}
