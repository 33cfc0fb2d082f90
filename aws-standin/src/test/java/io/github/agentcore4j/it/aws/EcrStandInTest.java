package io.github.agentcore4j.it.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotEmptyException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.Tag;
import software.amazon.awssdk.services.ecr.model.TagStatus;

/** ECR through the real EcrClient: login data pointing at a local registry, repositories and their images. */
class EcrStandInTest {

    private static final String DIGEST_1 = "sha256:" + "1".repeat(64);
    private static final String DIGEST_2 = "sha256:" + "2".repeat(64);

    private AwsStandIn aws;
    private EcrClient ecr;

    @BeforeEach
    void start() {
        aws = AwsStandIn.builder().start();
        ecr = SdkClients.of(aws).ecr();
    }

    @AfterEach
    void stop() {
        ecr.close();
        aws.close();
    }

    @Test
    void authorizationTokenAndRepositoriesNameTheConfiguredRegistry() {
        try (AwsStandIn withRegistry = AwsStandIn.builder().registry(URI.create("http://127.0.0.1:5999")).start();
             EcrClient client = SdkClients.of(withRegistry).ecr()) {
            AuthorizationData data = client.getAuthorizationToken(request -> { }).authorizationData().get(0);
            assertEquals("http://127.0.0.1:5999", data.proxyEndpoint());
            assertEquals("AWS:" + EcrStandIn.PASSWORD,
                    new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8));
            assertTrue(data.expiresAt().isAfter(Instant.now()));
            assertEquals("AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken",
                    withRegistry.requests("GetAuthorizationToken").get(0).request().header("X-Amz-Target"));
            assertEquals("127.0.0.1:5999/bedrock-agentcore-demo", client.createRepository(request -> request
                    .repositoryName("bedrock-agentcore-demo")).repository().repositoryUri());
        }
    }

    @Test
    void withoutARegistryTheAccountsRealEcrHostIsNamed() {
        assertEquals("https://123456789012.dkr.ecr.us-east-1.amazonaws.com",
                ecr.getAuthorizationToken(request -> { }).authorizationData().get(0).proxyEndpoint());
        assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/demo", ecr.createRepository(request -> request
                .repositoryName("demo")).repository().repositoryUri());
    }

    @Test
    void aLifecyclePolicyIsStoredAndReadBack() {
        ecr.createRepository(request -> request.repositoryName("kept"));
        assertThrows(LifecyclePolicyNotFoundException.class,
                () -> ecr.getLifecyclePolicy(request -> request.repositoryName("kept")));
        String policy = "{\"rules\":[{\"rulePriority\":1,\"selection\":{\"tagStatus\":\"any\","
                + "\"countType\":\"imageCountMoreThan\",\"countNumber\":3},\"action\":{\"type\":\"expire\"}}]}";

        assertEquals(policy, ecr.putLifecyclePolicy(request -> request.repositoryName("kept")
                .lifecyclePolicyText(policy)).lifecyclePolicyText());

        assertEquals(policy, ecr.getLifecyclePolicy(request -> request.repositoryName("kept")).lifecyclePolicyText());
        assertEquals(policy, aws.ecr().lifecyclePolicy("kept").orElseThrow());
        assertEquals("AmazonEC2ContainerRegistry_V20150921.PutLifecyclePolicy",
                aws.requests("PutLifecyclePolicy").get(0).request().header("X-Amz-Target"));
        assertThrows(RepositoryNotFoundException.class, () -> ecr.putLifecyclePolicy(request -> request
                .repositoryName("missing").lifecyclePolicyText(policy)));
    }

    @Test
    void repositoriesAreCreatedDescribedAndDeleted() {
        assertThrows(RepositoryNotFoundException.class,
                () -> ecr.describeRepositories(request -> request.repositoryNames("bedrock-agentcore-demo")));
        Repository created = ecr.createRepository(request -> request.repositoryName("bedrock-agentcore-demo")
                .imageScanningConfiguration(scan -> scan.scanOnPush(true))
                .tags(Tag.builder().key("created-by").value("agentcore4j").build())).repository();
        assertEquals("arn:aws:ecr:us-east-1:123456789012:repository/bedrock-agentcore-demo", created.repositoryArn());
        assertEquals(ImageTagMutability.MUTABLE, created.imageTagMutability());
        assertTrue(created.createdAt().isAfter(Instant.now().minusSeconds(60)));
        assertThrows(RepositoryAlreadyExistsException.class,
                () -> ecr.createRepository(request -> request.repositoryName("bedrock-agentcore-demo")));

        Repository described = ecr.describeRepositories(request -> request.repositoryNames("bedrock-agentcore-demo"))
                .repositories().get(0);
        assertTrue(described.imageScanningConfiguration().scanOnPush());
        EcrRepository state = aws.ecr().repository("bedrock-agentcore-demo").orElseThrow();
        assertTrue(state.scanOnPush());
        assertEquals("agentcore4j", state.tags().get("created-by"));

        ecr.deleteRepository(request -> request.repositoryName("bedrock-agentcore-demo"));
        assertTrue(aws.ecr().repositories().isEmpty());
    }

    @Test
    void repositoryNamesFollowEcrsModel() {
        for (String valid : List.of("bedrock-agentcore-my__agent", "bedrock-agentcore-a--b", "team/agent.v2")) {
            ecr.createRepository(request -> request.repositoryName(valid));
        }
        for (String invalid : List.of("bedrock-agentcore-my_agent_", "bedrock-agentcore-my-agent-", "Agent", "a",
                "a___b")) {
            InvalidParameterException refused = assertThrows(InvalidParameterException.class,
                    () -> ecr.createRepository(request -> request.repositoryName(invalid)), invalid);
            assertTrue(refused.awsErrorDetails().errorMessage().contains("'repositoryName'"), refused.getMessage());
        }
        assertEquals(3, aws.ecr().repositories().size());
    }

    @Test
    void imagesAreListedDescribedAndDeleted() {
        aws.ecr().addRepository("demo");
        aws.ecr().putImage("demo", DIGEST_1, "1", "latest");
        aws.ecr().putImage("demo", DIGEST_2, "2");
        aws.ecr().putImage("demo", DIGEST_2, "latest");

        List<ImageIdentifier> ids = ecr.listImages(request -> request.repositoryName("demo")).imageIds();
        assertEquals(List.of(DIGEST_1 + ":1", DIGEST_2 + ":2", DIGEST_2 + ":latest"),
                ids.stream().map(id -> id.imageDigest() + ":" + id.imageTag()).toList(), "a tag moves to the newer push");
        assertEquals(List.of("2", "latest"), ecr.describeImages(request -> request.repositoryName("demo")
                .imageIds(ImageIdentifier.builder().imageDigest(DIGEST_2).build())).imageDetails().get(0).imageTags());
        assertThrows(ImageNotFoundException.class, () -> ecr.describeImages(request -> request.repositoryName("demo")
                .imageIds(ImageIdentifier.builder().imageTag("nope").build())));
        assertThrows(RepositoryNotEmptyException.class, () -> ecr.deleteRepository(request -> request.repositoryName("demo")));

        var deleted = ecr.batchDeleteImage(request -> request.repositoryName("demo").imageIds(
                ImageIdentifier.builder().imageTag("1").build(), ImageIdentifier.builder().imageDigest("sha256:" + "9".repeat(64)).build()));
        assertEquals(DIGEST_1, deleted.imageIds().get(0).imageDigest());
        assertEquals("ImageNotFound", deleted.failures().get(0).failureCodeAsString());
        assertEquals(List.of(DIGEST_2), aws.ecr().repository("demo").orElseThrow().images().stream()
                .map(EcrImage::digest).toList(), "removing the last tag removes the image");
        assertEquals(List.of(DIGEST_2), ecr.listImages(request -> request.repositoryName("demo")
                .filter(filter -> filter.tagStatus(TagStatus.TAGGED))).imageIds().stream()
                .map(ImageIdentifier::imageDigest).distinct().toList());

        ecr.deleteRepository(request -> request.repositoryName("demo").force(true));
        assertTrue(aws.ecr().repository("demo").isEmpty());
    }
}
