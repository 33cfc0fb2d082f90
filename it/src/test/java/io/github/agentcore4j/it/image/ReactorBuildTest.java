package io.github.agentcore4j.it.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import io.github.agentcore4j.it.support.FixtureProject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

/**
 * agentcore:build in a multi-module build that stops at compile, where the agent's sibling module is a
 * {@code target/classes} directory, offline ({@code -o}) on a {@code tar://} base: the image holds the sibling's
 * classes as a jar, and the modules that are not agents are skipped with one line each.
 */
class ReactorBuildTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void packsTheSiblingModulesClassesIntoTheImageOffline() throws Exception {
        FixtureProject project = FixtureProject.copy("reactor-agent", "reactor-build");
        Path base = TinyBaseImages.saveTar(project.file("tiny-java.tar"), project.file("target/base-work"));
        project.maven("-pl", "agent", "-am", "compile").assertSuccess();

        MavenResult build = project.maven("-o", "-pl", "agent", "-am", "compile", "agentcore:build",
                "-Dagentcore.build.target=tar", "-Dagentcore.baseImage=tar://" + base,
                "-Dagentcore.revision=it-revision",
                // Offline: observability's Java agent is not in the local repository, so leave it out.
                "-Dagentcore.observability=false").assertSuccess();

        assertTrue(build.log().contains("Skipping agentcore:build in reactor-lib: the module does not declare "
                + "agentcore-maven-plugin"), build.log());
        assertTrue(build.log().contains("Packed the reactor module classes " + project.file("lib/target/classes")
                + " into " + project.file("agent/target/agentcore/reactor/lib.jar")), build.log());
        Map<String, byte[]> image = entries(Files.readAllBytes(project.file("agent/target/agentcore/image.tar")),
                false);
        JsonNode index = JSON.readTree(image.get("index.json"));
        JsonNode manifest = JSON.readTree(blob(image, index.get("manifests").get(0).get("digest").asText()));
        List<String> appFiles = new ArrayList<>();
        Map<String, byte[]> libsLayer = null;
        for (JsonNode layer : manifest.get("layers")) {
            Map<String, byte[]> files = entries(blob(image, layer.get("digest").asText()), true);
            appFiles.addAll(files.keySet());
            if (files.containsKey("app/libs/lib.jar")) {
                libsLayer = files;
            }
        }
        assertTrue(libsLayer != null, "no layer holds app/libs/lib.jar: " + appFiles);
        assertEquals(List.of("com/", "com/example/", "com/example/reactor/", "com/example/reactor/lib/",
                "com/example/reactor/lib/Greeting.class"), jarEntries(libsLayer.get("app/libs/lib.jar")));
    }

    private static byte[] blob(Map<String, byte[]> image, String digest) {
        return image.get("blobs/sha256/" + digest.substring("sha256:".length()));
    }

    private static Map<String, byte[]> entries(byte[] tar, boolean gzipped) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        InputStream in = new ByteArrayInputStream(tar);
        try (TarArchiveInputStream archive = new TarArchiveInputStream(gzipped ? new GZIPInputStream(in) : in)) {
            for (TarArchiveEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
                if (entry.isFile()) {
                    entries.put(entry.getName(), archive.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static List<String> jarEntries(byte[] jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (var entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
