package io.github.agentcore4j.maven.core.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a deploy (or rollback) left running, also written to {@code target/agentcore/runtime.json} for scripts.
 *
 * @param agentRuntimeId the runtime id
 * @param agentRuntimeArn the runtime ARN, what invoke calls
 * @param version the version now READY
 * @param containerUri the image the version runs, by digest
 * @param roleArn the execution role
 * @param region the region
 * @param endpointName the named endpoint pointed at the version, or {@code null}
 * @param newVersion whether this run created the version (false for a no-op deploy)
 */
public record Deployment(String agentRuntimeId, String agentRuntimeArn, String version, String containerUri,
        String roleArn, String region, String endpointName, boolean newVersion) {

    public static final String FILE = "runtime.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void writeTo(Path directory) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("agentRuntimeId", agentRuntimeId);
        json.put("agentRuntimeArn", agentRuntimeArn);
        json.put("agentRuntimeVersion", version);
        json.put("containerUri", containerUri);
        json.put("roleArn", roleArn);
        json.put("region", region);
        json.put("endpoint", endpointName);
        json.put("newVersion", newVersion);
        json.put("logGroup", ResourceNames.logGroup(agentRuntimeId, Runtimes.DEFAULT_ENDPOINT));
        try {
            Files.createDirectories(directory);
            JSON.writeValue(directory.resolve(FILE).toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + directory.resolve(FILE), e);
        }
    }
}
