package io.github.agentcore4j.maven.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.agentcore4j.maven.core.config.AgentSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsPassthroughTest {

    @TempDir
    Path home;

    private static AgentSettings settings(String region, String profile) {
        return AgentSettings.builder().agentName(null, "a").region(region).profile(profile).build();
    }

    @Test
    void passesTheRegionAndProfileSettingsAsSdkVariables() {
        assertEquals(Map.of("AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "eu-west-1", "AWS_PROFILE", "dev"),
                AwsPassthrough.environmentFor(settings("eu-west-1", "dev")));
        assertEquals(Map.of(), AwsPassthrough.environmentFor(settings(null, null)));
    }

    @Test
    void environmentCredentialsComeFirst() {
        assertEquals("AWS credentials for the agent: the environment (AWS_ACCESS_KEY_ID)",
                AwsPassthrough.describeCredentials(settings(null, null),
                        Map.of("AWS_ACCESS_KEY_ID", "AKIA...", "AWS_PROFILE", "x"), home));
        assertEquals("AWS credentials for the agent: the environment's web identity or container credentials",
                AwsPassthrough.describeCredentials(settings(null, null),
                        Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/token"), home));
    }

    @Test
    void thenTheProfileInTheAwsDirectory() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile dev]\nregion = eu-west-1\n");

        assertEquals("AWS credentials for the agent: profile dev in " + home.resolve(".aws"),
                AwsPassthrough.describeCredentials(settings(null, "dev"), Map.of(), home));
        assertEquals("AWS credentials for the agent: profile ci in " + home.resolve(".aws"),
                AwsPassthrough.describeCredentials(settings(null, null), Map.of("AWS_PROFILE", "ci"), home));
        assertEquals("AWS credentials for the agent: profile default in " + home.resolve(".aws"),
                AwsPassthrough.describeCredentials(settings(null, null), Map.of(), home));
    }

    @Test
    void saysSoWhenThereAreNone() {
        assertEquals("No AWS credentials found in the environment or " + home.resolve(".aws") + ": the agent's "
                + "calls to AWS will fail until you configure some (e.g. `aws configure`)",
                AwsPassthrough.describeCredentials(settings(null, null), Map.of(), home));
    }
}
