package io.github.agentcore4j.maven.core.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.aws.JsonMembers;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntime;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ConflictException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.UpdateAgentRuntimeResponse;

/**
 * Carries out a {@link DeploymentPlan}: sends the create or update (the plan's members merged into the body by
 * {@link JsonMembers}), waits out a runtime that is busy (ConflictException while CREATING or UPDATING), and reports
 * done only when the version is READY and DEFAULT serves it (else prints the tail of the runtime's log group); then
 * brings the tags up to date.
 */
final class PlanApplier {

    /** How often an update refused because the runtime is busy is tried again (each after it settles). */
    private static final int CONFLICT_ATTEMPTS = 5;

    /** The runtime and version that run after the plan. */
    record Applied(String id, String arn, String version) {
    }

    private final AwsSession aws;
    private final Runtimes runtimes;
    private final BuildLog log;

    PlanApplier(AwsSession aws, Runtimes runtimes, BuildLog log) {
        this.aws = aws;
        this.runtimes = runtimes;
        this.log = log;
    }

    /**
     * @param sent told which runtime and version the plan made, before the wait, so that a deploy whose wait fails
     *     still records its runtime
     */
    Applied apply(DeploymentPlan plan, String roleArn, Map<String, String> tags, Set<String> tagsSetBefore,
            Duration timeout, Consumer<Applied> sent) throws InterruptedException {
        Instant started = Instant.now();
        Applied applied;
        switch (plan.action()) {
            case NOTHING -> {
                GetAgentRuntimeResponse latest = runtimes.find(plan.agentRuntimeId()).orElseThrow();
                log.info("Nothing changed: version " + latest.agentRuntimeVersion() + " of agent runtime "
                        + latest.agentRuntimeId() + " already runs this image with this configuration, so no new "
                        + "version was made");
                applied = new Applied(latest.agentRuntimeId(), latest.agentRuntimeArn(), latest.agentRuntimeVersion());
                sent.accept(applied);
                bringTagsUpToDate(applied.arn(), tags, tagsSetBefore);
                return applied;
            }
            case CREATE -> applied = create(plan, roleArn, timeout);
            default -> applied = update(plan.agentRuntimeId(), plan.body(), roleArn, timeout);
        }
        sent.accept(applied);
        try {
            runtimes.awaitReady(applied.id(), applied.version(), timeout);
            runtimes.awaitEndpoint(applied.id(), Runtimes.DEFAULT_ENDPOINT, applied.version(), timeout);
        } catch (DeployFailedException e) {
            new RuntimeLogs(aws.logs(), log).printTailAfterFailure(applied.id(), Runtimes.DEFAULT_ENDPOINT, started);
            throw e;
        }
        if (plan.action() == DeploymentPlan.Action.UPDATE) {
            bringTagsUpToDate(applied.arn(), tags, tagsSetBefore);
        }
        return applied;
    }

    /** Creates the runtime; one created meanwhile under the same name (a conflict) is adopted and updated. */
    private Applied create(DeploymentPlan plan, String roleArn, Duration timeout) throws InterruptedException {
        try {
            CreateAgentRuntimeResponse created = RolePropagation.retry(roleArn, () -> aws.control().createAgentRuntime(
                    request -> request.agentRuntimeName(plan.agentRuntimeName())
                            .overrideConfiguration(JsonMembers.adding(plan.body()))), log);
            log.info("Creating agent runtime " + created.agentRuntimeId() + " (version "
                    + created.agentRuntimeVersion() + "): " + String.join(", ", plan.changedMembers()));
            return new Applied(created.agentRuntimeId(), created.agentRuntimeArn(), created.agentRuntimeVersion());
        } catch (ConflictException e) {
            AgentRuntime other = runtimes.findByName(plan.agentRuntimeName()).orElseThrow(() -> e);
            log.info("An agent runtime named " + plan.agentRuntimeName() + " appeared meanwhile ("
                    + other.agentRuntimeId() + "); updating it instead");
            LiveRuntime live = runtimes.awaitSettled(runtimes.read(other.agentRuntimeId(), null).orElseThrow(() -> e),
                    timeout).orElseThrow(() -> e);
            ObjectNode desired = plan.body().deepCopy();
            desired.remove("tags");
            DeploymentPlan update = DeploymentPlan.update(plan.agentRuntimeName(), desired, live);
            return update(update.agentRuntimeId(), update.body(), roleArn, timeout);
        }
    }

    /** Updates the runtime, waiting out a version still being made (the service answers ConflictException). */
    private Applied update(String id, ObjectNode body, String roleArn, Duration timeout) throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            try {
                UpdateAgentRuntimeResponse updated = RolePropagation.retry(roleArn, () -> aws.control()
                        .updateAgentRuntime(request -> request.agentRuntimeId(id)
                                .overrideConfiguration(JsonMembers.adding(body))), log);
                log.info("Updating agent runtime " + id + " to version " + updated.agentRuntimeVersion());
                return new Applied(id, updated.agentRuntimeArn(), updated.agentRuntimeVersion());
            } catch (ConflictException e) {
                if (attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
                log.info("Agent runtime " + id + " is busy (" + e.awsErrorDetails().errorMessage() + "); waiting for "
                        + "it to settle, then trying again");
                LiveRuntime busy = runtimes.read(id, null).orElseThrow(() -> e);
                runtimes.awaitSettled(busy, timeout);
            }
        }
    }

    /**
     * Adds or changes the POM's tags with TagResource, and removes those deploy set before that the POM no longer
     * has; tags set elsewhere stay.
     */
    private void bringTagsUpToDate(String arn, Map<String, String> tags, Set<String> tagsSetBefore) {
        if (tags.isEmpty() && tagsSetBefore.isEmpty()) {
            return;
        }
        Map<String, String> current = aws.control().listTagsForResource(request -> request.resourceArn(arn)).tags();
        Map<String, String> missing = new LinkedHashMap<>();
        tags.forEach((key, value) -> {
            if (!value.equals(current.get(key))) {
                missing.put(key, value);
            }
        });
        if (!missing.isEmpty()) {
            aws.control().tagResource(request -> request.resourceArn(arn).tags(missing));
            log.info("Tagged agent runtime " + arn + " with " + String.join(", ", missing.keySet()));
        }
        List<String> dropped = tagsSetBefore.stream().filter(key -> !tags.containsKey(key))
                .filter(current::containsKey).toList();
        if (!dropped.isEmpty()) {
            aws.control().untagResource(request -> request.resourceArn(arn).tagKeys(dropped));
            log.info("Removed the tags " + String.join(", ", dropped) + " the POM no longer sets from agent runtime "
                    + arn);
        }
    }
}
