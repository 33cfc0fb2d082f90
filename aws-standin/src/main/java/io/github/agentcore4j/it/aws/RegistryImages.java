package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The images of a real local registry (Docker Registry HTTP API v2), which back the stand-in's ECR repositories of
 * the same name: what was really pushed is what ListImages/DescribeImages report, and BatchDeleteImage really deletes
 * manifests (the registry needs {@code storage.delete.enabled}).
 */
final class RegistryImages {

    private static final String MANIFEST_TYPES = String.join(", ", "application/vnd.oci.image.index.v1+json",
            "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v2+json");

    private final URI registry;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RegistryImages(URI registry) {
        this.registry = registry;
    }

    /** A manifest in the registry: its digest, media type and tags. */
    record Manifest(String digest, String mediaType, List<String> tags) {
    }

    /**
     * The tagged manifests of a repository, tags in natural order (the registry API cannot list untagged ones); none
     * when the repository is unknown to the registry.
     */
    List<Manifest> manifests(String repository) {
        HttpResponse<byte[]> tags = send(HttpRequest.newBuilder(url(repository, "tags/list")).GET());
        if (tags.statusCode() == 404) {
            return List.of();
        }
        expect(tags, 200);
        Map<String, Manifest> byDigest = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        read(tags.body()).path("tags").forEach(tag -> names.add(tag.asText()));
        names.sort(null);
        for (String tag : names) {
            HttpResponse<byte[]> head = send(HttpRequest.newBuilder(url(repository, "manifests/" + tag))
                    .header("Accept", MANIFEST_TYPES).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            if (head.statusCode() == 404) {
                continue;
            }
            expect(head, 200);
            String digest = head.headers().firstValue("Docker-Content-Digest").orElseThrow();
            String mediaType = head.headers().firstValue("Content-Type").orElse("");
            byDigest.computeIfAbsent(digest, found -> new Manifest(found, mediaType, new ArrayList<>()))
                    .tags().add(tag);
        }
        return byDigest.values().stream().map(m -> new Manifest(m.digest(), m.mediaType(), List.copyOf(m.tags())))
                .toList();
    }

    /** Deletes a manifest, and with it every tag that points at it. */
    void delete(String repository, String digest) {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url(repository, "manifests/" + digest)).DELETE());
        if (response.statusCode() != 404) {
            expect(response, 202);
        }
    }

    private URI url(String repository, String rest) {
        return URI.create(registry.toString().replaceAll("/+$", "") + "/v2/" + repository + "/" + rest);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("The registry " + registry + " behind the ECR stand-in is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the registry " + registry, e);
        }
    }

    private static void expect(HttpResponse<byte[]> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("The registry answered " + response.statusCode() + " to "
                    + response.request().method() + " " + response.request().uri() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    private static JsonNode read(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
