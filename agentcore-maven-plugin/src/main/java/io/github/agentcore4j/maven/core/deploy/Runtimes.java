package io.github.agentcore4j.maven.core.deploy;

import io.github.agentcore4j.maven.core.BuildLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.agentcore4j.maven.core.aws.JsonMembers;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntime;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeEndpoint;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeEndpointStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeEndpointResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;

/**
 * Reads agent runtimes through the control plane and waits for them: AgentCore has no waiters for runtimes, so
 * deploy and rollback poll, with a growing interval and a deadline, and never report success without READY.
 */
public final class Runtimes {

    /** The endpoint that always serves the latest version. */
    public static final String DEFAULT_ENDPOINT = "DEFAULT";

    /** What a wait for a runtime or endpoint that runs out of time tells the user. */
    private static final String READY_HINT = "It may still become READY: check with `mvn agentcore:status`, or wait "
            + "longer with -Dagentcore.waitTimeout=<seconds>";

    private final BedrockAgentCoreControlClient control;
    private final BuildLog log;

    public Runtimes(BedrockAgentCoreControlClient control, BuildLog log) {
        this.control = control;
        this.log = log;
    }

    /** The runtime's latest version, or empty when no runtime has this id (any more). */
    public Optional<GetAgentRuntimeResponse> find(String agentRuntimeId) {
        return read(agentRuntimeId, null).map(LiveRuntime::response);
    }

    /**
     * A version (the latest when {@code version} is {@code null}) with the raw answer, or empty when no runtime has
     * this id (any more).
     */
    public Optional<LiveRuntime> read(String agentRuntimeId, String version) {
        AtomicReference<JsonNode> answer = new AtomicReference<>();
        try {
            GetAgentRuntimeResponse response = control.getAgentRuntime(request -> request
                    .agentRuntimeId(agentRuntimeId).agentRuntimeVersion(version)
                    .overrideConfiguration(JsonMembers.keepingAnswer(answer)));
            return Optional.of(new LiveRuntime(response, answer.get() instanceof ObjectNode raw ? raw
                    : JsonMembers.object()));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The runtime with this name, found by listing every runtime of the account and region. */
    public Optional<AgentRuntime> findByName(String agentRuntimeName) {
        for (AgentRuntime runtime : control.listAgentRuntimesPaginator(request -> { }).agentRuntimes()) {
            if (runtime.agentRuntimeName().equals(agentRuntimeName)) {
                return Optional.of(runtime);
            }
        }
        return Optional.empty();
    }

    public GetAgentRuntimeResponse version(String agentRuntimeId, String version) {
        return control.getAgentRuntime(request -> request.agentRuntimeId(agentRuntimeId).agentRuntimeVersion(version));
    }

    /** Every version, newest first. */
    public List<AgentRuntime> versions(String agentRuntimeId) {
        List<AgentRuntime> versions = new ArrayList<>(control.listAgentRuntimeVersionsPaginator(
                request -> request.agentRuntimeId(agentRuntimeId)).agentRuntimes().stream().toList());
        versions.sort((a, b) -> Integer.compare(Integer.parseInt(b.agentRuntimeVersion()),
                Integer.parseInt(a.agentRuntimeVersion())));
        return versions;
    }

    /** Every endpoint, DEFAULT included. */
    public List<AgentRuntimeEndpoint> endpoints(String agentRuntimeId) {
        return control.listAgentRuntimeEndpointsPaginator(request -> request.agentRuntimeId(agentRuntimeId))
                .runtimeEndpoints().stream().toList();
    }

    public Optional<GetAgentRuntimeEndpointResponse> endpoint(String agentRuntimeId, String name) {
        try {
            return Optional.of(control.getAgentRuntimeEndpoint(request -> request.agentRuntimeId(agentRuntimeId)
                    .endpointName(name)));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Polls the version until it is READY.
     *
     * @throws DeployFailedException on {@code CREATE_FAILED}/{@code UPDATE_FAILED} (with the service's
     *     {@code failureReason}) and when {@code timeout} passes first
     */
    public GetAgentRuntimeResponse awaitReady(String agentRuntimeId, String version, Duration timeout)
            throws InterruptedException {
        GetAgentRuntimeResponse settled = awaitSettled(agentRuntimeId, version, timeout);
        AgentRuntimeStatus status = settled.status();
        if (status == AgentRuntimeStatus.CREATE_FAILED || status == AgentRuntimeStatus.UPDATE_FAILED) {
            throw new DeployFailedException("Version " + version + " of agent runtime " + agentRuntimeId + " is "
                    + status + ": " + (settled.failureReason() == null ? "the service gave no reason"
                    : settled.failureReason()));
        }
        if (status != AgentRuntimeStatus.READY) {
            throw new DeployFailedException("Version " + version + " of agent runtime " + agentRuntimeId
                    + " is " + settled.statusAsString() + " instead of becoming READY");
        }
        return settled;
    }

    /**
     * Polls the runtime's latest version until it is no longer CREATING, UPDATING or DELETING.
     *
     * @return the settled runtime, or empty when it was being deleted and is gone
     * @throws DeployFailedException when {@code timeout} passes first
     */
    public Optional<LiveRuntime> awaitSettled(LiveRuntime runtime, Duration timeout) throws InterruptedException {
        String id = runtime.response().agentRuntimeId();
        DeadlineWait wait = new DeadlineWait(timeout, log, READY_HINT);
        Optional<LiveRuntime> current = Optional.of(runtime);
        while (current.isPresent() && isChanging(current.get().response().status())) {
            wait.pause("Agent runtime " + id + " is " + current.get().response().statusAsString()
                    + (current.get().response().status() == AgentRuntimeStatus.DELETING ? "; waiting until it is gone"
                    : "; waiting for it to settle before changing it"));
            current = read(id, null);
        }
        return current;
    }

    static boolean isChanging(AgentRuntimeStatus status) {
        return status == AgentRuntimeStatus.CREATING || status == AgentRuntimeStatus.UPDATING
                || status == AgentRuntimeStatus.DELETING;
    }

    /**
     * Polls the version until it is no longer CREATING or UPDATING.
     *
     * @throws DeployFailedException when {@code timeout} passes first
     */
    public GetAgentRuntimeResponse awaitSettled(String agentRuntimeId, String version, Duration timeout)
            throws InterruptedException {
        DeadlineWait wait = new DeadlineWait(timeout, log, READY_HINT);
        while (true) {
            GetAgentRuntimeResponse current = version(agentRuntimeId, version);
            AgentRuntimeStatus status = current.status();
            if (status != AgentRuntimeStatus.CREATING && status != AgentRuntimeStatus.UPDATING) {
                return current;
            }
            wait.pause("Version " + version + " of agent runtime " + agentRuntimeId + " is still " + status);
        }
    }

    /**
     * Polls a named endpoint until it is READY and serves {@code version}.
     *
     * @throws DeployFailedException when the endpoint fails or {@code timeout} passes first
     */
    public GetAgentRuntimeEndpointResponse awaitEndpoint(String agentRuntimeId, String name, String version,
            Duration timeout) throws InterruptedException {
        DeadlineWait wait = new DeadlineWait(timeout, log, READY_HINT);
        while (true) {
            GetAgentRuntimeEndpointResponse current = control.getAgentRuntimeEndpoint(
                    request -> request.agentRuntimeId(agentRuntimeId).endpointName(name));
            AgentRuntimeEndpointStatus status = current.status();
            if (status == AgentRuntimeEndpointStatus.READY && version.equals(current.liveVersion())) {
                return current;
            }
            if (status == AgentRuntimeEndpointStatus.CREATE_FAILED
                    || status == AgentRuntimeEndpointStatus.UPDATE_FAILED) {
                throw new DeployFailedException("Endpoint " + name + " of agent runtime " + agentRuntimeId + " is "
                        + status + ": " + (current.failureReason() == null ? "the service gave no reason"
                        : current.failureReason()));
            }
            wait.pause("Endpoint " + name + " of agent runtime " + agentRuntimeId + " is " + status + " (serving "
                    + current.liveVersion() + ", target " + version + ")");
        }
    }
}
