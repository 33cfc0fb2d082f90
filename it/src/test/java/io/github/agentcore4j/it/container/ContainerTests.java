package io.github.agentcore4j.it.container;

import io.github.agentcore4j.it.local.LocalAgents;
import io.github.agentcore4j.it.registry.TestRegistry;
import io.github.agentcore4j.maven.core.container.ArmEmulation;
import io.github.agentcore4j.maven.core.container.ContainerEngine;
import io.github.agentcore4j.maven.core.local.AgentStartException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * What the container-mode tests share: the skip rule (they need Podman and arm64 emulation, which {@code .ci/run}
 * installs), a test registry holding the arm64 Java base, the Maven arguments that point the plugin at both, and
 * checks on the engine's containers.
 */
final class ContainerTests {

    static final Duration PODMAN_TIMEOUT = Duration.ofMinutes(1);

    private ContainerTests() {
    }

    /** Skips the calling test class unless Podman answers and this host can run linux/arm64 programs. */
    static void assumePodmanAndArm64() throws InterruptedException {
        Assumptions.assumeTrue(Commands.find("podman").isPresent(),
                "Podman is not installed: the container tests need it (apt-get install podman runc)");
        try {
            ContainerEngine.find("podman", System.getenv("PATH"));
        } catch (AgentStartException e) {
            Assumptions.abort("Podman does not answer: " + e.getMessage());
        }
        Optional<String> emulation = ArmEmulation.problem();
        Assumptions.assumeTrue(emulation.isEmpty(), () -> "No arm64 emulation: " + emulation.orElse(""));
    }

    /** The absolute path of a tool the tests need once Podman is there; fails naming the package otherwise. */
    static String require(String name) {
        return Commands.find(name).orElseThrow(() -> new AssertionError(name + " is not installed: the container "
                + "tests need podman, runc, qemu-user-static, binfmt-support, mmdebstrap, skopeo and "
                + "docker-registry (.ci/run installs them)"));
    }

    /**
     * A fresh registry under {@code it.work/<scenario>} holding the arm64 Java base, for a whole test class, which is
     * skipped without Podman and arm64 emulation.
     */
    static TestRegistry registryWithBase(String scenario) {
        return TestRegistry.forScenario(scenario).requiring(ContainerTests::assumePodmanAndArm64)
                .seededWith((registry, work) -> Arm64JreBase.pushTo(registry));
    }

    /** The reference of the arm64 Java base in the test registry. */
    static String baseImage(TestRegistry registry) {
        return Arm64JreBase.reference(registry.registry());
    }

    /** The Maven arguments that build on the base from the test registry and run in Podman, plus {@code more}. */
    static String[] mavenArguments(TestRegistry registry, String... more) {
        // Observability off: its default Java agent (the AWS distro) is not served by the repositories tests use.
        List<String> arguments = new ArrayList<>(List.of("-Dagentcore.containerEngine=podman",
                "-Dagentcore.baseImage=" + baseImage(registry), "-Dagentcore.allowInsecureRegistries=true",
                "-Dagentcore.observability=false"));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    /** The names of the engine's containers, running or not, whose name contains {@code part}. */
    static List<String> containersNamed(String part) {
        String names = Commands.run(PODMAN_TIMEOUT, List.of(require("podman"), "ps", "--all", "--format",
                "{{.Names}}"));
        return names.lines().filter(name -> name.contains(part)).toList();
    }

    /** Waits until the engine has no container whose name contains {@code part}. */
    static void awaitNoContainer(String part) throws InterruptedException {
        LocalAgents.await("no container named *" + part + "* is left", () -> containersNamed(part).isEmpty());
    }

    /**
     * Waits until nothing listens on the port on 127.0.0.1: the engine releases a published port a moment after the
     * container is gone.
     */
    static void awaitPortFree(int port) throws InterruptedException {
        LocalAgents.await("port " + port + " is free", () -> {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.isBound();
            } catch (IOException stillInUse) {
                return false;
            }
        });
    }

    /** Sends a signal to one process (not its children), as a terminal's Ctrl-C or a kill would to Maven. */
    static void signal(Process process, String signal) {
        Commands.run(PODMAN_TIMEOUT, List.of("kill", "-" + signal, Long.toString(process.pid())));
    }
}
