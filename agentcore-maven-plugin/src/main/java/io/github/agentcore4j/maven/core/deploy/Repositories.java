package io.github.agentcore4j.maven.core.deploy;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.aws.AwsSession;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.Tag;

/**
 * The agent's ECR repository: used as it is when it exists (never changed), created when missing with immutable
 * tags (deploy tags are unique, so a tag never moves) and scan on push.
 */
final class Repositories {

    private static final int BATCH_DELETE_LIMIT = 100;

    /** The repository to push to. */
    record Resolved(String name, String uri) {
    }

    private final AwsSession aws;
    private final BuildLog log;

    Repositories(AwsSession aws, BuildLog log) {
        this.aws = aws;
        this.log = log;
    }

    /** Finds or creates the repository; one created here expires all but its newest {@code keepImages} images. */
    Resolved ensure(String name, int keepImages, boolean dryRun) {
        Optional<Repository> existing = find(name);
        if (existing.isPresent()) {
            log.info("Using ECR repository " + existing.get().repositoryUri());
            return new Resolved(name, existing.get().repositoryUri());
        }
        CreateRepositoryRequest create = CreateRepositoryRequest.builder().repositoryName(name)
                .imageTagMutability(ImageTagMutability.IMMUTABLE)
                .imageScanningConfiguration(scanning -> scanning.scanOnPush(true))
                .tags(Tag.builder().key(ExecutionRoles.CREATED_BY_TAG).value(ExecutionRoles.CREATED_BY).build())
                .build();
        if (dryRun) {
            log.info("[dry run] would send " + create);
            if (keepImages > 0) {
                log.info("[dry run] would set the lifecycle policy " + lifecyclePolicy(keepImages));
            }
            return new Resolved(name, "<" + name + " repository URI>");
        }
        Repository created = aws.ecr().createRepository(create).repository();
        log.info("Created ECR repository " + created.repositoryUri() + " (immutable tags, scan on push)");
        if (keepImages > 0) {
            aws.ecr().putLifecyclePolicy(request -> request.repositoryName(name)
                    .lifecyclePolicyText(lifecyclePolicy(keepImages)));
            log.info("Set its lifecycle policy: keep the newest " + keepImages + " images");
        }
        return new Resolved(name, created.repositoryUri());
    }

    /** An ECR lifecycle policy that expires all but the newest {@code keepImages} images, tagged or not. */
    static String lifecyclePolicy(int keepImages) {
        return "{\"rules\":[{\"rulePriority\":1,\"description\":\"Keep the newest " + keepImages
                + " images (agentcore.deploy.keepImages)\",\"selection\":{\"tagStatus\":\"any\","
                + "\"countType\":\"imageCountMoreThan\",\"countNumber\":" + keepImages
                + "},\"action\":{\"type\":\"expire\"}}]}";
    }

    Optional<Repository> find(String name) {
        try {
            return aws.ecr().describeRepositories(request -> request.repositoryNames(name)).repositories().stream()
                    .findFirst();
        } catch (RepositoryNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Deletes every image of the repository, which stays. */
    void deleteImages(String name, boolean dryRun) {
        List<ImageIdentifier> images = aws.ecr().listImagesPaginator(request -> request.repositoryName(name))
                .imageIds().stream().toList();
        if (dryRun) {
            log.info("[dry run] would delete " + images.size() + " image references from ECR repository " + name);
            return;
        }
        for (int from = 0; from < images.size(); from += BATCH_DELETE_LIMIT) {
            List<ImageIdentifier> batch = images.subList(from, Math.min(images.size(), from + BATCH_DELETE_LIMIT));
            aws.ecr().batchDeleteImage(request -> request.repositoryName(name).imageIds(batch));
        }
        log.info("Deleted " + images.size() + " image references from ECR repository " + name);
    }

    /** Deletes the repository with its images. */
    void delete(String name, boolean dryRun) {
        if (dryRun) {
            log.info("[dry run] would delete ECR repository " + name + " with its images");
            return;
        }
        aws.ecr().deleteRepository(request -> request.repositoryName(name).force(true));
        log.info("Deleted ECR repository " + name);
    }
}
