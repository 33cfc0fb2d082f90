package io.github.agentcore4j.maven.core.local;

import io.github.agentcore4j.maven.core.config.AgentSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives the local agent the developer's AWS identity, as the AWS default provider chain would find it. The agent
 * inherits Maven's environment (so {@code AWS_*} variables pass through) and runs as the same user (so it reads the
 * same {@code ~/.aws}); the plugin adds the region and profile settings as the variables the AWS SDKs read.
 */
public final class AwsPassthrough {

    private AwsPassthrough() {
    }

    /** {@code AWS_REGION}/{@code AWS_DEFAULT_REGION} and {@code AWS_PROFILE} for the settings that are set. */
    public static Map<String, String> environmentFor(AgentSettings settings) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (settings.region() != null) {
            variables.put("AWS_REGION", settings.region());
            variables.put("AWS_DEFAULT_REGION", settings.region());
        }
        if (settings.profile() != null) {
            variables.put("AWS_PROFILE", settings.profile());
        }
        return variables;
    }

    /**
     * Says where the agent's AWS credentials will come from, naming variables and files but never their values.
     *
     * @param inherited the environment the agent inherits
     * @param userHome the user's home directory, where {@code .aws} lives
     */
    public static String describeCredentials(AgentSettings settings, Map<String, String> inherited, Path userHome) {
        if (inherited.containsKey("AWS_ACCESS_KEY_ID")) {
            return "AWS credentials for the agent: the environment (AWS_ACCESS_KEY_ID)";
        }
        if (inherited.containsKey("AWS_WEB_IDENTITY_TOKEN_FILE")
                || inherited.containsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI")
                || inherited.containsKey("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
            return "AWS credentials for the agent: the environment's web identity or container credentials";
        }
        String profile = settings.profile() != null ? settings.profile()
                : inherited.getOrDefault("AWS_PROFILE", "default");
        Path awsDirectory = userHome.resolve(".aws");
        if (Files.exists(awsDirectory.resolve("credentials")) || Files.exists(awsDirectory.resolve("config"))) {
            return "AWS credentials for the agent: profile " + profile + " in " + awsDirectory;
        }
        return "No AWS credentials found in the environment or " + awsDirectory
                + ": the agent's calls to AWS will fail until you configure some (e.g. `aws configure`)";
    }
}
