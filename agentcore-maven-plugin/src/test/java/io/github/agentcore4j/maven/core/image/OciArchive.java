package io.github.agentcore4j.maven.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads an OCI image-layout tar as Jib writes it: index, manifest, config and the files in each layer. */
final class OciArchive {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, byte[]> entries;

    private OciArchive(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    static OciArchive read(Path tar) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream archive = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
                entries.put(entry.getName(), archive.readAllBytes());
            }
        }
        return new OciArchive(entries);
    }

    JsonNode manifest() throws IOException {
        JsonNode index = JSON.readTree(entries.get("index.json"));
        return blobJson(index.get("manifests").get(0).get("digest").asText());
    }

    String manifestDigest() throws IOException {
        return JSON.readTree(entries.get("index.json")).get("manifests").get(0).get("digest").asText();
    }

    JsonNode config() throws IOException {
        return blobJson(manifest().get("config").get("digest").asText());
    }

    List<String> layerDigests() throws IOException {
        List<String> digests = new ArrayList<>();
        manifest().get("layers").forEach(layer -> digests.add(layer.get("digest").asText()));
        return digests;
    }

    /** Regular files of one layer, path to modification time in epoch milliseconds. */
    Map<String, Long> layerFiles(String digest) throws IOException {
        Map<String, Long> files = new LinkedHashMap<>();
        try (TarArchiveInputStream layer = new TarArchiveInputStream(new GZIPInputStream(
                new ByteArrayInputStream(blob(digest))))) {
            for (TarArchiveEntry entry = layer.getNextEntry(); entry != null; entry = layer.getNextEntry()) {
                if (entry.isFile()) {
                    files.put(entry.getName(), entry.getModTime().getTime());
                }
            }
        }
        return files;
    }

    private JsonNode blobJson(String digest) throws IOException {
        return JSON.readTree(blob(digest));
    }

    private byte[] blob(String digest) {
        return entries.get("blobs/sha256/" + digest.substring("sha256:".length()));
    }
}
