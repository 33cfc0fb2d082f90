package io.github.agentcore4j.maven.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.config.AgentSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateAgentRuntimeRequest;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.LifecycleConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ServerProtocol;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.UpdateAgentRuntimeRequest;

class RuntimeConfigurationTest {

    private static final String IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/repo@sha256:abc";
    private static final String ROLE = "arn:aws:iam::123456789012:role/AgentRole";

    private static AgentSettings settings(String... environment) {
        return AgentSettings.builder().agentName("my_agent", "my-agent").protocol("MCP")
                .environment(List.of(environment)).requestHeaderAllowlist(List.of("X-Tenant-Id")).build();
    }

    /** What GetAgentRuntime reports for a version created with {@code request}, service defaults filled in. */
    private static GetAgentRuntimeResponse live(CreateAgentRuntimeRequest request) {
        return GetAgentRuntimeResponse.builder().agentRuntimeId("my_agent-AbCdEf1234").agentRuntimeVersion("1")
                .agentRuntimeArtifact(request.agentRuntimeArtifact()).roleArn(request.roleArn())
                .networkConfiguration(request.networkConfiguration())
                .protocolConfiguration(request.protocolConfiguration())
                .lifecycleConfiguration(LifecycleConfiguration.builder().idleRuntimeSessionTimeout(900)
                        .maxLifetime(28800).build())
                .environmentVariables(request.environmentVariables())
                .requestHeaderConfiguration(request.requestHeaderConfiguration()).build();
    }

    @Test
    void agUiAgentsAreSentAsServerProtocolAgui() {
        AgentSettings agUi = AgentSettings.builder().agentName("my_agent", "my-agent").protocol("AGUI").build();
        CreateAgentRuntimeRequest create = RuntimeConfiguration.from(agUi, IMAGE, ROLE).createRequest("my_agent");

        assertEquals("AGUI", create.protocolConfiguration().serverProtocolAsString());
        assertTrue(RuntimeConfiguration.from(agUi, IMAGE, ROLE).matches(live(create)));
    }

    @Test
    void requestsCarryTheWholeConfiguration() {
        CreateAgentRuntimeRequest create = RuntimeConfiguration.from(settings("MODEL_ID=m"), IMAGE, ROLE)
                .createRequest("my_agent");

        assertEquals(IMAGE, create.agentRuntimeArtifact().containerConfiguration().containerUri());
        assertEquals(ServerProtocol.MCP, create.protocolConfiguration().serverProtocol());
        assertEquals("PUBLIC", create.networkConfiguration().networkModeAsString());
        assertEquals(Map.of("MODEL_ID", "m"), create.environmentVariables());
        assertEquals(List.of("X-Tenant-Id"), create.requestHeaderConfiguration().requestHeaderAllowlist());
        assertEquals("sha256:abc", RuntimeConfiguration.from(settings(), IMAGE, ROLE).imageDigest());
    }

    @Test
    void theSameImageAndSettingsMatchTheLiveVersionDespiteServiceDefaults() {
        RuntimeConfiguration desired = RuntimeConfiguration.from(settings("MODEL_ID=m"), IMAGE, ROLE);
        GetAgentRuntimeResponse live = live(desired.createRequest("my_agent"));

        assertTrue(desired.matches(live));
        assertFalse(RuntimeConfiguration.from(settings("MODEL_ID=other"), IMAGE, ROLE).matches(live));
        assertFalse(RuntimeConfiguration.from(settings("MODEL_ID=m"), IMAGE.replace("abc", "def"), ROLE)
                .matches(live));
    }

    @Test
    void aLiveVersionIsReappliedAsItRan() {
        GetAgentRuntimeResponse live = live(RuntimeConfiguration.from(settings("MODEL_ID=m"), IMAGE, ROLE)
                .createRequest("my_agent"));

        UpdateAgentRuntimeRequest update = RuntimeConfiguration.of(live).updateRequest("my_agent-AbCdEf1234");

        assertEquals(IMAGE, update.agentRuntimeArtifact().containerConfiguration().containerUri());
        assertEquals(ROLE, update.roleArn());
        assertEquals(900, update.lifecycleConfiguration().idleRuntimeSessionTimeout());
        assertEquals(Map.of("MODEL_ID", "m"), update.environmentVariables());
    }
}
