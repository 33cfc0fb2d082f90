package io.github.agentcore4j.it.local;

import static io.github.agentcore4j.it.local.LocalAgents.assertNoProcessFrom;
import static io.github.agentcore4j.it.local.LocalAgents.assertPortFree;
import static io.github.agentcore4j.it.local.LocalAgents.read;
import static io.github.agentcore4j.it.support.TextAssertions.assertContains;

import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FreePort;
import org.junit.jupiter.api.Test;

/** A local agent gets the memory the YAML records, as the deployed one does, so both talk to the same memory. */
class LocalAgentMemoryTest {

    @Test
    void startPassesTheRecordedMemoryToTheLocalAgent() throws Exception {
        FixtureProject project = FixtureProject.copy("local-agent", "start-with-memory");
        int port = FreePort.pick();
        project.maven("compile", "agentcore:configure", "-Dagentcore.memoryId=team_mem-a1B2c3D4e5").assertSuccess();
        assertContains(read(project.file(".bedrock_agentcore.yaml")), "memory_id: team_mem-a1B2c3D4e5\n");

        project.maven("verify", "-Dagentcore.port=" + port).assertSuccess();

        assertContains(read(project.file("target/invoke-json.txt")), "\"memoryId\": \"team_mem-a1B2c3D4e5\"");
        assertPortFree(port);
        assertNoProcessFrom(project);
    }
}
