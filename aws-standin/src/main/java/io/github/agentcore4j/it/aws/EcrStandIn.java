package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * ECR (AWS JSON 1.1, {@code X-Amz-Target: AmazonEC2ContainerRegistry_V20150921.<Operation>}): GetAuthorizationToken,
 * DescribeRepositories, CreateRepository, DeleteRepository, ListImages, DescribeImages, BatchDeleteImage,
 * PutLifecyclePolicy, GetLifecyclePolicy (the policy text is stored, not evaluated).
 * <p>
 * With a registry configured ({@link AwsStandIn.Builder#registry(URI)}), {@code proxyEndpoint} is that registry's URL
 * and each repository's {@code repositoryUri} is {@code <registry host:port>/<name>}, so a client that logs in and
 * pushes where ECR tells it to lands in the real local registry; the images of a repository are then the tagged
 * manifests of the registry repository of the same name, and deleting them (BatchDeleteImage, a forced
 * DeleteRepository) deletes them there. {@link #putImage} adds images the registry does not hold, with or without one.
 */
public final class EcrStandIn {

    static final String TARGET_PREFIX = "AmazonEC2ContainerRegistry_V20150921.";

    /** Repository names are checked against ECR's model (length 2-256 and its pattern). */
    private static final ModelValidation NAME_CHECK = new ModelValidation(ServiceModel.named("ecr"));
    private static final String REPOSITORY_NAME_PATTERN = ServiceModel.named("ecr").shape("RepositoryName")
            .path("pattern").asText();

    /** The password inside every authorization token ({@code AWS:<password>}, base64). */
    public static final String PASSWORD = "stand-in-ecr-password";

    private final String accountId;
    private final String region;
    private final String registryHost;
    private final String proxyEndpoint;
    private final RegistryImages registryImages;
    private final Map<String, MutableRepository> repositories = new LinkedHashMap<>();
    /** The route table: each operation ECR serves, by its name in {@code X-Amz-Target}. */
    private final Map<String, Function<JsonNode, ObjectNode>> operations = Map.of(
            "GetAuthorizationToken", input -> authorizationToken(),
            "DescribeRepositories", this::describeRepositories,
            "CreateRepository", this::createRepository,
            "DeleteRepository", this::deleteRepository,
            "ListImages", this::listImages,
            "DescribeImages", this::describeImages,
            "BatchDeleteImage", this::batchDeleteImage,
            "PutLifecyclePolicy", this::putLifecyclePolicy,
            "GetLifecyclePolicy", this::getLifecyclePolicy);

    EcrStandIn(String accountId, String region, URI registry) {
        this.accountId = accountId;
        this.region = region;
        if (registry == null) {
            registryHost = accountId + ".dkr.ecr." + region + ".amazonaws.com";
            proxyEndpoint = "https://" + registryHost;
            registryImages = null;
        } else {
            registryHost = registry.getAuthority();
            proxyEndpoint = registry.toString().replaceAll("/+$", "");
            registryImages = new RegistryImages(registry);
        }
    }

    /** The host (and port) of every {@code repositoryUri}: the real ECR host, or the local registry's. */
    String registryHost() {
        return registryHost;
    }

    /** The {@code proxyEndpoint} of authorization tokens: where {@code docker login} goes. */
    public String proxyEndpoint() {
        return proxyEndpoint;
    }

    public synchronized List<EcrRepository> repositories() {
        return repositories.values().stream().map(MutableRepository::snapshot).toList();
    }

    public synchronized Optional<EcrRepository> repository(String name) {
        return Optional.ofNullable(repositories.get(name)).map(MutableRepository::snapshot);
    }

    /** The lifecycle policy text last put on a repository, if any. */
    public synchronized Optional<String> lifecyclePolicy(String repositoryName) {
        return Optional.ofNullable(repositories.get(repositoryName)).map(repository -> repository.lifecyclePolicy);
    }

    /** Adds a repository as if someone else had created it. */
    public synchronized EcrRepository addRepository(String name) {
        return create(name, "MUTABLE", false, Map.of()).snapshot();
    }

    /** Records that an image with this digest and these tags is in an existing repository (a tag moves to it). */
    public synchronized void putImage(String repositoryName, String digest, String... tags) {
        MutableRepository repository = existing(repositoryName);
        for (String tag : tags) {
            repository.recorded.values().forEach(image -> image.tags.remove(tag));
        }
        repository.recorded.computeIfAbsent(digest, MutableImage::new).tags.addAll(List.of(tags));
    }

    /** Whether ECR has an operation of this name (its route table, {@link #operations}). */
    boolean serves(String operation) {
        return operations.containsKey(operation);
    }

    synchronized Reply handle(String operation, AwsRequest request) {
        return Reply.awsJson(operations.get(operation).apply(request.json()));
    }

    private ObjectNode createRepository(JsonNode input) {
        MutableRepository repository = create(text(input, "repositoryName"),
                input.path("imageTagMutability").asText("MUTABLE"),
                input.path("imageScanningConfiguration").path("scanOnPush").asBoolean(false), tags(input));
        return Json.object().set("repository", repository.json());
    }

    private ObjectNode deleteRepository(JsonNode input) {
        MutableRepository repository = existing(text(input, "repositoryName"));
        List<MutableImage> images = repository.images();
        if (!images.isEmpty() && !input.path("force").asBoolean(false)) {
            throw new ServiceError(400, "RepositoryNotEmptyException", "The repository with name '"
                    + repository.name + "' in registry with id '" + accountId
                    + "' cannot be deleted because it still contains images");
        }
        images.forEach(repository::delete);
        repositories.remove(repository.name);
        return Json.object().set("repository", repository.json());
    }

    private ObjectNode putLifecyclePolicy(JsonNode input) {
        MutableRepository repository = existing(text(input, "repositoryName"));
        repository.lifecyclePolicy = text(input, "lifecyclePolicyText");
        return lifecyclePolicy(repository);
    }

    private ObjectNode getLifecyclePolicy(JsonNode input) {
        MutableRepository repository = existing(text(input, "repositoryName"));
        if (repository.lifecyclePolicy == null) {
            throw new ServiceError(400, "LifecyclePolicyNotFoundException", "Lifecycle policy does not exist "
                    + "for the repository with name '" + repository.name + "' in the registry with id '"
                    + accountId + "'");
        }
        return lifecyclePolicy(repository);
    }

    private ObjectNode lifecyclePolicy(MutableRepository repository) {
        return Json.object().put("registryId", accountId).put("repositoryName", repository.name)
                .put("lifecyclePolicyText", repository.lifecyclePolicy);
    }

    private ObjectNode authorizationToken() {
        String token = Base64.getEncoder().encodeToString(("AWS:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        ObjectNode data = Json.object().put("authorizationToken", token)
                .put("expiresAt", Instant.now().plus(12, ChronoUnit.HOURS).getEpochSecond())
                .put("proxyEndpoint", proxyEndpoint);
        ObjectNode output = Json.object();
        output.putArray("authorizationData").add(data);
        return output;
    }

    private ObjectNode describeRepositories(JsonNode input) {
        List<MutableRepository> found = new ArrayList<>();
        if (input.has("repositoryNames")) {
            input.get("repositoryNames").forEach(name -> found.add(existing(name.asText())));
        } else {
            found.addAll(repositories.values());
        }
        ObjectNode output = Json.object();
        ArrayNode items = output.putArray("repositories");
        found.forEach(repository -> items.add(repository.json()));
        return output;
    }

    private ObjectNode listImages(JsonNode input) {
        MutableRepository repository = existing(text(input, "repositoryName"));
        String tagStatus = input.path("filter").path("tagStatus").asText("ANY");
        ObjectNode output = Json.object();
        ArrayNode ids = output.putArray("imageIds");
        for (MutableImage image : repository.images()) {
            if (image.tags.isEmpty() && !tagStatus.equals("TAGGED")) {
                ids.add(Json.object().put("imageDigest", image.digest));
            }
            if (!tagStatus.equals("UNTAGGED")) {
                image.tags.forEach(tag -> ids.add(Json.object().put("imageDigest", image.digest).put("imageTag", tag)));
            }
        }
        return output;
    }

    private ObjectNode describeImages(JsonNode input) {
        MutableRepository repository = existing(text(input, "repositoryName"));
        List<MutableImage> found = new ArrayList<>();
        if (input.has("imageIds")) {
            for (JsonNode id : input.get("imageIds")) {
                found.add(repository.find(id).orElseThrow(() -> imageNotFound(repository, id)));
            }
        } else {
            found.addAll(repository.images());
        }
        ObjectNode output = Json.object();
        ArrayNode details = output.putArray("imageDetails");
        for (MutableImage image : found) {
            ObjectNode detail = details.addObject().put("registryId", accountId)
                    .put("repositoryName", repository.name).put("imageDigest", image.digest)
                    .put("imagePushedAt", epochSeconds(image.pushedAt))
                    .put("imageManifestMediaType", image.mediaType);
            ArrayNode tags = detail.putArray("imageTags");
            image.tags.forEach(tags::add);
        }
        return output;
    }

    /** Deleting by tag removes the tag, and the image with its last tag; deleting by digest removes the image. */
    private ObjectNode batchDeleteImage(JsonNode input) {
        MutableRepository repository = existing(text(input, "repositoryName"));
        ObjectNode output = Json.object();
        ArrayNode deleted = output.putArray("imageIds");
        ArrayNode failures = output.putArray("failures");
        for (JsonNode id : input.path("imageIds")) {
            Optional<MutableImage> image = repository.find(id);
            if (image.isEmpty()) {
                failures.addObject().put("failureCode", "ImageNotFound")
                        .put("failureReason", "Requested image not found").set("imageId", id);
                continue;
            }
            MutableImage found = image.get();
            if (id.has("imageDigest")) {
                found.tags.forEach(tag -> deleted.add(Json.object().put("imageDigest", found.digest).put("imageTag", tag)));
                if (found.tags.isEmpty()) {
                    deleted.add(Json.object().put("imageDigest", found.digest));
                }
                repository.delete(found);
            } else {
                String tag = id.get("imageTag").asText();
                deleted.add(Json.object().put("imageDigest", found.digest).put("imageTag", tag));
                repository.untag(found, tag);
            }
        }
        return output;
    }

    private MutableRepository create(String name, String tagMutability, boolean scanOnPush, Map<String, String> tags) {
        if (!NAME_CHECK.violations("RepositoryName", TextNode.valueOf(name)).isEmpty()) {
            throw new ServiceError(400, "InvalidParameterException", "Invalid parameter at 'repositoryName' failed to"
                    + " satisfy constraint: 'must satisfy regular expression '" + REPOSITORY_NAME_PATTERN + "''");
        }
        if (repositories.containsKey(name)) {
            throw new ServiceError(400, "RepositoryAlreadyExistsException", "The repository with name '" + name
                    + "' already exists in the registry with id '" + accountId + "'");
        }
        MutableRepository repository = new MutableRepository(name, tagMutability, scanOnPush, tags);
        repositories.put(name, repository);
        return repository;
    }

    private MutableRepository existing(String name) {
        MutableRepository repository = repositories.get(name);
        if (repository == null) {
            throw new ServiceError(400, "RepositoryNotFoundException", "The repository with name '" + name
                    + "' does not exist in the registry with id '" + accountId + "'");
        }
        return repository;
    }

    private ServiceError imageNotFound(MutableRepository repository, JsonNode id) {
        return new ServiceError(400, "ImageNotFoundException", "The image with imageId {imageDigest:'"
                + id.path("imageDigest").asText("null") + "', imageTag:'" + id.path("imageTag").asText("null")
                + "'} does not exist within the repository with name '" + repository.name
                + "' in the registry with id '" + accountId + "'");
    }

    private static String text(JsonNode input, String field) {
        JsonNode value = input.get(field);
        if (value == null || !value.isTextual()) {
            throw new ServiceError(400, "InvalidParameterException",
                    "1 validation error detected: Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
        }
        return value.asText();
    }

    private static Map<String, String> tags(JsonNode input) {
        Map<String, String> tags = new LinkedHashMap<>();
        input.path("tags").forEach(tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText()));
        return tags;
    }

    /** JSON 1.1 timestamps are epoch seconds. */
    private static double epochSeconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    private final class MutableRepository {
        final String name;
        final String tagMutability;
        final boolean scanOnPush;
        final Map<String, String> tags;
        final Instant createdAt = Instant.now();
        /** The text of PutLifecyclePolicy, or null before any. */
        String lifecyclePolicy;
        /** Images recorded with {@link #putImage}. */
        final Map<String, MutableImage> recorded = new LinkedHashMap<>();
        /** Tags removed from a registry manifest that keeps other tags (the registry API cannot untag): tag to digest. */
        final Map<String, String> untagged = new HashMap<>();
        /** When each registry manifest was first seen, ECR's {@code imagePushedAt}. */
        final Map<String, Instant> firstSeen = new HashMap<>();

        MutableRepository(String name, String tagMutability, boolean scanOnPush, Map<String, String> tags) {
            this.name = name;
            this.tagMutability = tagMutability;
            this.scanOnPush = scanOnPush;
            this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }

        String arn() {
            return "arn:aws:ecr:" + region + ":" + accountId + ":repository/" + name;
        }

        String uri() {
            return registryHost + "/" + name;
        }

        /** The recorded images, then the registry's, with the tags removed by BatchDeleteImage left out. */
        List<MutableImage> images() {
            Map<String, MutableImage> images = new LinkedHashMap<>();
            recorded.values().forEach(image -> images.put(image.digest, image.copy()));
            if (registryImages != null) {
                for (RegistryImages.Manifest manifest : registryImages.manifests(name)) {
                    MutableImage image = images.computeIfAbsent(manifest.digest(), digest -> new MutableImage(digest,
                            manifest.mediaType(), firstSeen.computeIfAbsent(digest, seen -> Instant.now())));
                    image.inRegistry = true;
                    manifest.tags().stream().filter(tag -> !manifest.digest().equals(untagged.get(tag)))
                            .filter(tag -> !image.tags.contains(tag)).forEach(image.tags::add);
                }
            }
            return new ArrayList<>(images.values());
        }

        Optional<MutableImage> find(JsonNode id) {
            if (id.has("imageDigest")) {
                String digest = id.get("imageDigest").asText();
                return images().stream().filter(image -> image.digest.equals(digest)).findFirst();
            }
            String tag = id.path("imageTag").asText();
            return images().stream().filter(image -> image.tags.contains(tag)).findFirst();
        }

        void delete(MutableImage image) {
            recorded.remove(image.digest);
            if (image.inRegistry) {
                registryImages.delete(name, image.digest);
            }
        }

        /** Removes one tag; as in ECR, the image goes with its last tag. */
        void untag(MutableImage image, String tag) {
            image.tags.remove(tag);
            if (image.tags.isEmpty()) {
                delete(image);
                return;
            }
            Optional.ofNullable(recorded.get(image.digest)).ifPresent(kept -> kept.tags.remove(tag));
            if (image.inRegistry) {
                untagged.put(tag, image.digest);
            }
        }

        ObjectNode json() {
            ObjectNode json = Json.object().put("repositoryArn", arn()).put("registryId", accountId)
                    .put("repositoryName", name).put("repositoryUri", uri()).put("createdAt", epochSeconds(createdAt))
                    .put("imageTagMutability", tagMutability);
            json.putObject("imageScanningConfiguration").put("scanOnPush", scanOnPush);
            json.putObject("encryptionConfiguration").put("encryptionType", "AES256");
            return json;
        }

        EcrRepository snapshot() {
            return new EcrRepository(name, arn(), uri(), tagMutability, scanOnPush, tags, createdAt,
                    images().stream().map(MutableImage::snapshot).toList());
        }
    }

    private static final class MutableImage {
        final String digest;
        final String mediaType;
        final Instant pushedAt;
        final List<String> tags = new ArrayList<>();
        boolean inRegistry;

        MutableImage(String digest) {
            this(digest, "application/vnd.oci.image.manifest.v1+json", Instant.now());
        }

        MutableImage(String digest, String mediaType, Instant pushedAt) {
            this.digest = digest;
            this.mediaType = mediaType;
            this.pushedAt = pushedAt;
        }

        MutableImage copy() {
            MutableImage copy = new MutableImage(digest, mediaType, pushedAt);
            copy.tags.addAll(tags);
            return copy;
        }

        EcrImage snapshot() {
            return new EcrImage(digest, List.copyOf(tags), pushedAt);
        }
    }
}
