package io.github.agentcore4j.maven.core.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.agentcore4j.maven.core.config.AgentSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerEnvironmentTest {

    @TempDir
    Path home;

    private static AgentSettings settings(String profile) {
        return AgentSettings.builder().agentName(null, "my-agent").protocol("HTTP").region("eu-west-1")
                .profile(profile).environment(List.of("MODEL_ID=claude")).build();
    }

    @Test
    void environmentCredentialsAreHandedOnWithTheRegionButNotTheProfile() {
        ContainerEnvironment environment = ContainerEnvironment.of(settings("dev"), Map.of("AWS_ACCESS_KEY_ID",
                "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret", "HOME", "/root"), home);

        assertEquals(Map.of("MODEL_ID", "claude", "AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret"), environment.variables());
        assertEquals("AWS credentials for the container: the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)",
                environment.credentialSource());
    }

    @Test
    void aProfilesCredentialsAreResolvedOnTheHostBecauseTheContainerCannotReadThem() throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "[dev]\naws_access_key_id = AKIADEV\n"
                + "aws_secret_access_key = dev-secret\naws_session_token = dev-token\n");

        ContainerEnvironment environment = ContainerEnvironment.of(settings("dev"), Map.of(), home);

        assertEquals(Map.of("MODEL_ID", "claude", "AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "AKIADEV", "AWS_SECRET_ACCESS_KEY", "dev-secret", "AWS_SESSION_TOKEN",
                "dev-token"), environment.variables());
        assertEquals("AWS credentials for the container: profile dev in " + home.resolve(".aws") + ", resolved now "
                + "and passed as AWS_ACCESS_KEY_ID and its companions", environment.credentialSource());
    }

    @Test
    void withoutCredentialsTheContainerGetsNoneAndTheLogSaysSo() {
        ContainerEnvironment environment = ContainerEnvironment.of(settings(null), Map.of(), home);

        assertEquals(Map.of("MODEL_ID", "claude", "AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "eu-west-1"),
                environment.variables());
        assertEquals("No AWS credentials in the environment or " + home.resolve(".aws") + ": the agent's calls to "
                + "AWS will fail until you configure some (e.g. `aws configure`)", environment.credentialSource());
    }
}
