package io.github.agentcore4j.maven.core.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code image.digest} (the digest alone, for scripts) and {@code image.json} (reference, digest, tags,
 * platform) so later goals, scripts and tests read files instead of parsing logs.
 */
public final class ImageOutputs {

    public static final String DIGEST_FILE = "image.digest";
    public static final String JSON_FILE = "image.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ImageOutputs() {
    }

    public static void write(ImageBuildResult result, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(DIGEST_FILE), result.digest() + "\n", StandardCharsets.UTF_8);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reference", result.reference());
        if (result.digestReference() != null) {
            json.put("digestReference", result.digestReference());
        }
        json.put("digest", result.digest());
        json.put("imageId", result.imageId());
        json.put("tags", result.tags());
        json.put("platform", result.platform());
        json.put("target", result.target().kind());
        JSON.writeValue(directory.resolve(JSON_FILE).toFile(), json);
    }
}
