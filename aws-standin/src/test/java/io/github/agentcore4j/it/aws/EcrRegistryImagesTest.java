package io.github.agentcore4j.it.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.it.registry.TestRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.RepositoryNotEmptyException;

/**
 * ECR backed by a real {@code docker-registry}: the images ECR reports are the ones pushed to the registry, and
 * deleting them through ECR deletes them there.
 */
class EcrRegistryImagesTest {

    @RegisterExtension
    static final TestRegistry registry = TestRegistry.forScenario("aws-stand-in-registry");

    private final HttpClient http = HttpClient.newHttpClient();
    private AwsStandIn aws;
    private EcrClient ecr;

    @BeforeEach
    void start() {
        aws = AwsStandIn.builder().registry(URI.create("http://" + registry.address())).start();
        ecr = SdkClients.of(aws).ecr();
    }

    @AfterEach
    void stop() {
        if (ecr != null) {
            ecr.close();
        }
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void imagesAreWhatTheRegistryHoldsAndDeletingThemDeletesThere() throws Exception {
        String repositoryUri = ecr.createRepository(request -> request.repositoryName("bedrock-agentcore-demo"))
                .repository().repositoryUri();
        assertEquals(registry.address() + "/bedrock-agentcore-demo", repositoryUri);
        assertTrue(ecr.listImages(request -> request.repositoryName("bedrock-agentcore-demo")).imageIds().isEmpty());

        String first = push("bedrock-agentcore-demo", "1", "first");
        String second = push("bedrock-agentcore-demo", "2", "second");
        push("bedrock-agentcore-demo", "latest", "second");

        List<ImageDetail> details = ecr.describeImages(request -> request.repositoryName("bedrock-agentcore-demo"))
                .imageDetails();
        assertEquals(Map.of(first, List.of("1"), second, List.of("2", "latest")),
                details.stream().collect(Collectors.toMap(ImageDetail::imageDigest, ImageDetail::imageTags)));
        assertEquals("application/vnd.oci.image.manifest.v1+json", details.get(0).imageManifestMediaType());
        assertThrows(RepositoryNotEmptyException.class,
                () -> ecr.deleteRepository(request -> request.repositoryName("bedrock-agentcore-demo")));

        ecr.batchDeleteImage(request -> request.repositoryName("bedrock-agentcore-demo").imageIds(
                ImageIdentifier.builder().imageTag("latest").build(), ImageIdentifier.builder().imageDigest(first).build()));
        assertEquals(List.of(second + ":2"), ecr.listImages(request -> request.repositoryName("bedrock-agentcore-demo"))
                .imageIds().stream().map(id -> id.imageDigest() + ":" + id.imageTag()).toList());
        assertEquals(404, manifestStatus("bedrock-agentcore-demo", first), "deleted in the registry");
        assertEquals(200, manifestStatus("bedrock-agentcore-demo", second), "a removed tag leaves the image");

        ecr.deleteRepository(request -> request.repositoryName("bedrock-agentcore-demo").force(true));
        assertEquals(404, manifestStatus("bedrock-agentcore-demo", second), "a forced delete takes the images along");
    }

    /** Pushes a one-layer OCI image through the registry API; returns the manifest digest. */
    private String push(String repository, String tag, String content) throws Exception {
        String config = "{\"architecture\":\"arm64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}";
        String configDigest = upload(repository, config.getBytes(StandardCharsets.UTF_8));
        byte[] layer = content.getBytes(StandardCharsets.UTF_8);
        String layerDigest = upload(repository, layer);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
                + "\",\"size\":" + config.length() + "},\"layers\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"" + layerDigest + "\",\"size\":"
                + layer.length + "}]}";
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(registryUrl(repository, "manifests/" + tag))
                .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString(manifest)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, put.statusCode(), put.body());
        return put.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }

    private String upload(String repository, byte[] blob) throws IOException, InterruptedException {
        String digest = sha256(blob);
        HttpResponse<String> start = http.send(HttpRequest.newBuilder(registryUrl(repository, "blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, start.statusCode(), start.body());
        URI location = registryUrl(repository, "").resolve(start.headers().firstValue("Location").orElseThrow());
        URI complete = URI.create(location + (location.getQuery() == null ? "?" : "&") + "digest=" + digest);
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(complete)
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(blob))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, put.statusCode(), put.body());
        return digest;
    }

    private int manifestStatus(String repository, String digest) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(registryUrl(repository, "manifests/" + digest))
                .header("Accept", "application/vnd.oci.image.manifest.v1+json")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private URI registryUrl(String repository, String rest) {
        return URI.create("http://" + registry.address() + "/v2/" + repository + "/" + rest);
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
