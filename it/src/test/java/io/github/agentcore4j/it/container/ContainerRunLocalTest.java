package io.github.agentcore4j.it.container;

import static io.github.agentcore4j.it.container.ContainerTests.awaitNoContainer;
import static io.github.agentcore4j.it.container.ContainerTests.awaitPortFree;
import static io.github.agentcore4j.it.container.ContainerTests.baseImage;
import static io.github.agentcore4j.it.container.ContainerTests.containersNamed;
import static io.github.agentcore4j.it.container.ContainerTests.mavenArguments;
import static io.github.agentcore4j.it.container.ContainerTests.signal;
import static io.github.agentcore4j.it.local.LocalAgents.awaitLog;
import static io.github.agentcore4j.it.local.LocalAgents.read;
import static io.github.agentcore4j.it.support.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.it.registry.TestRegistry;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FreePort;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * run-local in container mode on real Podman with qemu: the agent's linux/arm64 image, built on a Debian arm64 Java
 * base from a test registry, answers invoke; Ctrl-C and a killed Maven both leave no container behind.
 */
class ContainerRunLocalTest {

    private static final String SECRET = "it-secret-value-never-logged";

    @RegisterExtension
    static final TestRegistry registry = ContainerTests.registryWithBase("container-run-local");

    @Test
    void runLocalRunsTheImageThatInvokeCallsAndCtrlCRemovesIt() throws Exception {
        FixtureProject project = FixtureProject.copy("local-agent", "container-run-local")
                .environment("AWS_ACCESS_KEY_ID", "AKIAITCONTAINERTEST")
                .environment("AWS_SECRET_ACCESS_KEY", SECRET);
        int port = FreePort.pick();
        String container = "agentcore-local_echo_agent-" + port;
        Path log = project.file("run-local.log");
        Process maven = project.startMaven(log, runLocalInContainer(port));
        try {
            awaitLog(log, "Agent local_echo_agent listens on http://127.0.0.1:" + port + " (HTTP)", maven);
            assertEquals(List.of(container), containersNamed(container));
            assertContains(read(log), "Building linux/arm64 image local-echo-agent:1.0.0 on " + baseImage(registry));
            assertContains(read(log), "AWS credentials for the container: the environment (AWS_ACCESS_KEY_ID, "
                    + "AWS_SECRET_ACCESS_KEY)");
            // The container's own output streams to the console.
            assertContains(read(log), "Agent listening on http://0.0.0.0:8080");

            MavenResult invoke = project.maven("agentcore:invoke", "-Dagentcore.invoke.prompt=Hello").assertSuccess();
            assertContains(invoke.log(), "\"response\": \"echo: Hello\"");

            String environment = Commands.run(ContainerTests.PODMAN_TIMEOUT, List.of(ContainerTests.require("podman"),
                    "inspect", "--format", "{{.Config.Env}}", container));
            assertContains(environment, "AWS_SECRET_ACCESS_KEY=" + SECRET);
            assertContains(environment, "AWS_REGION=us-east-1");
            assertFalse(ProcessHandle.allProcesses().anyMatch(process -> process.info().commandLine()
                    .map(line -> line.contains(SECRET)).orElse(false)), "a command line carries the secret");

            signal(maven, "INT");
            assertTrue(maven.waitFor(2, TimeUnit.MINUTES), "Maven did not exit on SIGINT");
            awaitNoContainer(container);
            awaitPortFree(port);
            assertFalse(read(log).contains(SECRET), "the log carries the secret");
        } finally {
            FixtureProject.destroyTree(maven);
        }
    }

    @Test
    void aKilledMavenLeavesNoContainerBehind() throws Exception {
        FixtureProject project = FixtureProject.copy("local-agent", "container-run-local-killed");
        int port = FreePort.pick();
        String container = "agentcore-local_echo_agent-" + port;
        Path log = project.file("run-local.log");
        Process maven = project.startMaven(log, runLocalInContainer(port));
        try {
            awaitLog(log, "listens on http://127.0.0.1:" + port, maven);
            assertEquals(List.of(container), containersNamed(container));

            signal(maven, "KILL");

            awaitNoContainer(container);
            awaitPortFree(port);
        } finally {
            FixtureProject.destroyTree(maven);
        }
    }

    @Test
    void aBusyPortIsRefusedWithTheFix() throws Exception {
        FixtureProject project = FixtureProject.copy("local-agent", "container-run-local-busy");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            MavenResult run = project.maven(runLocalInContainer(taken.getLocalPort())).assertFailure();

            assertContains(run.log(), "port " + taken.getLocalPort() + " is already in use on 127.0.0.1. Fix: stop "
                    + "what listens there (another agentcore:run-local?), or pass -Dagentcore.port=<free port>");
        }
        assertTrue(containersNamed("agentcore-local_echo_agent-").isEmpty());
    }

    @Test
    void noAnsweringEngineIsReportedWithTheFix() {
        FixtureProject project = FixtureProject.copy("local-agent", "container-no-engine");

        MavenResult run = project.maven("agentcore:run-local", "-Dagentcore.container=true",
                "-Dagentcore.containerEngine=/nonexistent/podman").assertFailure();

        assertContains(run.log(), "No container engine answers (/nonexistent/podman: not found). Fix: install "
                + "Podman, which needs no daemon (Debian/Ubuntu: apt-get install podman), or start Docker; or point "
                + "-Dagentcore.containerEngine at the engine's command.");
    }

    /** The Maven arguments of run-local in container mode on {@code port}, on the base from the test registry. */
    private static String[] runLocalInContainer(int port) {
        return mavenArguments(registry, "agentcore:run-local", "-Dagentcore.container=true",
                "-Dagentcore.port=" + port);
    }
}
