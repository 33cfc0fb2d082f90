package io.github.agentcore4j.maven.core.container;

import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.local.AwsPassthrough;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The environment of the agent's container: the agent's configured variables, the region, and the developer's AWS
 * credentials as the host has them. A container cannot read the host's {@code ~/.aws}, so a profile's credentials
 * are resolved here and handed over as the standard variables.
 *
 * @param variables the variables with their values (passed by name to the engine, never on its command line)
 * @param credentialSource where the credentials came from, naming no secret, for the log
 */
public record ContainerEnvironment(Map<String, String> variables, String credentialSource) {

    static final List<String> CREDENTIAL_VARIABLES =
            List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

    /**
     * @param host the environment Maven runs in
     * @param userHome where {@code .aws} lives
     */
    public static ContainerEnvironment of(AgentSettings settings, Map<String, String> host, Path userHome) {
        Map<String, String> variables = new LinkedHashMap<>(settings.environment());
        variables.putAll(AwsPassthrough.environmentFor(settings));
        // The profile names a file on the host; inside the container it would only make the SDK look for it.
        variables.remove("AWS_PROFILE");
        if (host.containsKey("AWS_ACCESS_KEY_ID")) {
            CREDENTIAL_VARIABLES.stream().filter(host::containsKey).forEach(name -> variables.put(name, host.get(name)));
            return new ContainerEnvironment(variables, "AWS credentials for the container: the environment ("
                    + String.join(", ", CREDENTIAL_VARIABLES.stream().filter(host::containsKey).toList()) + ")");
        }
        String profile = settings.profile() != null ? settings.profile() : host.getOrDefault("AWS_PROFILE", "default");
        Path awsDirectory = userHome.resolve(".aws");
        if (!Files.exists(awsDirectory.resolve("credentials")) && !Files.exists(awsDirectory.resolve("config"))) {
            return new ContainerEnvironment(variables, "No AWS credentials in the environment or " + awsDirectory
                    + ": the agent's calls to AWS will fail until you configure some (e.g. `aws configure`)");
        }
        try (ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder()
                .profileFile(profileFiles(awsDirectory)).profileName(profile).build()) {
            AwsCredentials credentials = provider.resolveCredentials();
            variables.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
            variables.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
            if (credentials instanceof AwsSessionCredentials session) {
                variables.put("AWS_SESSION_TOKEN", session.sessionToken());
            }
            return new ContainerEnvironment(variables, "AWS credentials for the container: profile " + profile
                    + " in " + awsDirectory + ", resolved now and passed as AWS_ACCESS_KEY_ID and its companions");
        } catch (SdkException | IllegalArgumentException e) {
            return new ContainerEnvironment(variables, "AWS profile " + profile + " in " + awsDirectory
                    + " gives no credentials (" + e.getMessage() + "): the agent's calls to AWS will fail");
        }
    }

    private static ProfileFile profileFiles(Path awsDirectory) {
        ProfileFile.Aggregator files = ProfileFile.aggregator();
        Path config = awsDirectory.resolve("config");
        if (Files.exists(config)) {
            files.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
        }
        Path credentials = awsDirectory.resolve("credentials");
        if (Files.exists(credentials)) {
            files.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
        }
        return files.build();
    }
}
