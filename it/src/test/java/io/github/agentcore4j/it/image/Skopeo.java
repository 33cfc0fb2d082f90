package io.github.agentcore4j.it.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.agentcore4j.it.registry.Executables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Inspects images with {@code skopeo}, the way a user would check what was pushed. */
final class Skopeo {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Skopeo() {
    }

    /** The manifest exactly as stored, e.g. of {@code docker://127.0.0.1:5000/agents/demo:1}. */
    static JsonNode rawManifest(String transportReference) {
        return inspect("--raw", transportReference);
    }

    /** The image configuration: architecture, os, config.Entrypoint, history and so on. */
    static JsonNode config(String transportReference) {
        return inspect("--config", transportReference);
    }

    /** skopeo's summary, which includes the manifest {@code Digest}. */
    static JsonNode summary(String transportReference) {
        return inspect(null, transportReference);
    }

    /** The paths in the image's layer number {@code index}, copied out with {@code skopeo copy} and listed by tar. */
    static List<String> layerFiles(String transportReference, int index) throws IOException {
        Path work = Files.createDirectories(Path.of(System.getProperty("it.work", "target/it")));
        Path directory = Files.createTempDirectory(work, "skopeo-layers");
        run(List.of(Executables.require("skopeo"), "copy", "--src-tls-verify=false", transportReference,
                "dir:" + directory));
        String digest = rawManifest(transportReference).get("layers").get(index).get("digest").asText();
        String listing = run(List.of("tar", "-tzf", directory.resolve(digest.substring(digest.indexOf(':') + 1))
                .toString()));
        return listing.lines().filter(line -> !line.endsWith("/")).toList();
    }

    private static JsonNode inspect(String option, String transportReference) {
        List<String> command = new ArrayList<>(List.of(Executables.require("skopeo"), "inspect"));
        if (transportReference.startsWith("docker://")) {
            command.add("--tls-verify=false");
        }
        if (option != null) {
            command.add(option);
        }
        command.add(transportReference);
        try {
            return JSON.readTree(run(command));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read what " + command + " printed", e);
        }
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish: " + command);
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(command.get(0) + " failed: " + command + "\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running " + command, e);
        }
    }
}
