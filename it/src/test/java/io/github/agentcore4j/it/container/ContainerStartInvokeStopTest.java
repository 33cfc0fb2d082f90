package io.github.agentcore4j.it.container;

import static io.github.agentcore4j.it.container.ContainerTests.awaitNoContainer;
import static io.github.agentcore4j.it.container.ContainerTests.awaitPortFree;
import static io.github.agentcore4j.it.container.ContainerTests.mavenArguments;
import static io.github.agentcore4j.it.local.LocalAgents.read;
import static io.github.agentcore4j.it.support.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.agentcore4j.it.registry.TestRegistry;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The start/invoke/stop loop of `mvn verify` with the agent's image in Podman instead of a forked JVM. */
class ContainerStartInvokeStopTest {

    @RegisterExtension
    static final TestRegistry registry = ContainerTests.registryWithBase("container-start-stop");

    @Test
    void verifyStartsTheContainerInvokesItAndStopsIt() throws Exception {
        FixtureProject project = FixtureProject.copy("local-agent", "container-start-stop");
        int port = FreePort.pick();

        MavenResult verify = project.maven(mavenArguments(registry, "verify", "-Dagentcore.container=true",
                "-Dagentcore.port=" + port)).assertSuccess();

        assertContains(verify.log(), "listens on http://127.0.0.1:" + port + " (HTTP); its output goes to "
                + project.file("target/agentcore/local-agent.log"));
        assertContains(read(project.file("target/invoke-json.txt")), "\"response\": \"echo: Hello\"");
        assertEquals("\"one\"\n\"two\"\n\"three\"\n", read(project.file("target/invoke-stream.txt")));
        assertContains(verify.log(), "Stopped the local agent");
        assertContains(read(project.file("target/agentcore/local-agent.log")), "Agent listening on http://0.0.0.0:8080");
        awaitNoContainer("agentcore-local_echo_agent-" + port);
        awaitPortFree(port);
    }
}
