package io.github.agentcore4j.maven.core.deploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The names of what deploy creates, derived from the agent name so that every run (and every machine) finds the same
 * resources. The role name follows the AWS starter toolkit's pattern, so the deployer policies written for the
 * toolkit ({@code AmazonBedrockAgentCore*} roles) cover it.
 */
public final class ResourceNames {

    private static final int ROLE_HASH_LENGTH = 10;
    private static final DateTimeFormatter TAG_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private ResourceNames() {
    }

    /** {@code bedrock-agentcore-<name>}, lower case as ECR requires. */
    public static String repositoryName(String agentName) {
        return "bedrock-agentcore-" + agentName.toLowerCase(Locale.ROOT);
    }

    /** {@code AmazonBedrockAgentCoreSDKRuntime-<region>-<first 10 hex digits of sha256(name)>}, at most 64 characters. */
    public static String roleName(String agentName, String region) {
        return "AmazonBedrockAgentCoreSDKRuntime-" + region + "-" + sha256Hex(agentName).substring(0, ROLE_HASH_LENGTH);
    }

    /** The inline permissions policy of a role deploy creates. */
    public static String rolePolicyName(String agentName) {
        return "BedrockAgentCoreRuntimeExecutionPolicy-" + agentName;
    }

    /**
     * A tag no other deploy uses, so that pushed tags never move: the project version (made tag-safe) and the UTC
     * time to the millisecond, e.g. {@code 1.0.0-SNAPSHOT-20260101T120000123Z}.
     */
    public static String imageTag(String projectVersion, Instant now) {
        String version = projectVersion.replaceAll("[^A-Za-z0-9_.-]", "_");
        String tag = version + "-" + TAG_TIME.format(now);
        return tag.length() > 128 ? tag.substring(tag.length() - 128) : tag;
    }

    /** The image digest in a container URI, or the whole URI when it names a tag. */
    public static String imageDigest(String containerUri) {
        int at = containerUri.indexOf('@');
        return at < 0 ? containerUri : containerUri.substring(at + 1);
    }

    /** The CloudWatch log group AgentCore Runtime writes an endpoint's logs to. */
    public static String logGroup(String agentRuntimeId, String endpointName) {
        return "/aws/bedrock-agentcore/runtimes/" + agentRuntimeId + "-" + endpointName;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
