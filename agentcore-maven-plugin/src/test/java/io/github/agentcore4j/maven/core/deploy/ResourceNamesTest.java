package io.github.agentcore4j.maven.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResourceNamesTest {

    @Test
    void repositoryNamesAreLowerCase() {
        assertEquals("bedrock-agentcore-my_agent", ResourceNames.repositoryName("My_Agent"));
    }

    @Test
    void roleNamesFollowTheToolkitPatternAndDependOnlyOnNameAndRegion() {
        String role = ResourceNames.roleName("my_agent", "us-east-1");

        // The first ten hex digits of sha256("my_agent"), as the AWS starter toolkit names it.
        assertEquals("AmazonBedrockAgentCoreSDKRuntime-us-east-1-e72c1a7c7a", role);
        assertTrue(role.matches("AmazonBedrockAgentCoreSDKRuntime-us-east-1-[0-9a-f]{10}"), role);
        assertEquals(role, ResourceNames.roleName("my_agent", "us-east-1"));
        assertNotEquals(role, ResourceNames.roleName("other_agent", "us-east-1"));
        assertTrue(ResourceNames.roleName("a".repeat(48), "ap-southeast-2").length() <= 64);
    }

    @Test
    void imageTagsAreUniquePerDeployAndValid() {
        Instant now = Instant.parse("2026-01-02T03:04:05.678Z");

        assertEquals("1.0-SNAPSHOT-20260102T030405678Z", ResourceNames.imageTag("1.0-SNAPSHOT", now));
        assertEquals("1.0_rc_1-20260102T030405678Z", ResourceNames.imageTag("1.0+rc/1", now));
        assertNotEquals(ResourceNames.imageTag("1.0", now), ResourceNames.imageTag("1.0", now.plusMillis(1)));
    }

    @Test
    void logGroupsAreNamedAfterRuntimeAndEndpoint() {
        assertEquals("/aws/bedrock-agentcore/runtimes/my_agent-AbCdEf1234-DEFAULT",
                ResourceNames.logGroup("my_agent-AbCdEf1234", "DEFAULT"));
    }

    @Test
    void runtimeArnsGiveIdAndRegionAndBadOnesNameTheSetting() {
        DeployedAgent agent = DeployedAgent.ofArn(
                "arn:aws:bedrock-agentcore:eu-central-1:123456789012:runtime/my_agent-AbCdEf1234");

        assertEquals("my_agent-AbCdEf1234", agent.id());
        assertEquals("eu-central-1", agent.region());
        InvalidSettingException bad = assertThrows(InvalidSettingException.class,
                () -> DeployedAgent.ofArn("my_agent-AbCdEf1234"));
        assertTrue(bad.getMessage().startsWith("Invalid setting <agentArn> (-Dagentcore.agentArn)"), bad.getMessage());
    }
}
