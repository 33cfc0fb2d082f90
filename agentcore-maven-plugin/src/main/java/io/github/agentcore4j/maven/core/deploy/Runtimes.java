package io.github.agentcore4j.maven.core.deploy;

import io.github.agentcore4j.maven.core.BuildLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private static final Duration FIRST_POLL = Duration.ofMillis(250);
    private static final Duration MAX_POLL = Duration.ofSeconds(5);

    private final BedrockAgentCoreControlClient control;
    private final BuildLog log;

    public Runtimes(BedrockAgentCoreControlClient control, BuildLog log) {
        this.control = control;
        this.log = log;
    }

    /** The runtime's latest version, or empty when no runtime has this id (any more). */
    public Optional<GetAgentRuntimeResponse> find(String agentRuntimeId) {
        try {
            return Optional.of(control.getAgentRuntime(request -> request.agentRuntimeId(agentRuntimeId)));
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
     * Polls the version until it is no longer CREATING or UPDATING.
     *
     * @throws DeployFailedException when {@code timeout} passes first
     */
    public GetAgentRuntimeResponse awaitSettled(String agentRuntimeId, String version, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_POLL;
        while (true) {
            GetAgentRuntimeResponse current = version(agentRuntimeId, version);
            AgentRuntimeStatus status = current.status();
            if (status != AgentRuntimeStatus.CREATING && status != AgentRuntimeStatus.UPDATING) {
                return current;
            }
            pause = pauseOrTimeOut(deadline, pause, "Version " + version + " of agent runtime " + agentRuntimeId
                    + " is still " + status, timeout);
        }
    }

    /**
     * Polls a named endpoint until it is READY and serves {@code version}.
     *
     * @throws DeployFailedException when the endpoint fails or {@code timeout} passes first
     */
    public GetAgentRuntimeEndpointResponse awaitEndpoint(String agentRuntimeId, String name, String version,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_POLL;
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
            pause = pauseOrTimeOut(deadline, pause, "Endpoint " + name + " of agent runtime " + agentRuntimeId
                    + " is still " + status + " (serving " + current.liveVersion() + ", target " + version + ")",
                    timeout);
        }
    }

    private Duration pauseOrTimeOut(long deadline, Duration pause, String state, Duration timeout)
            throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new DeployFailedException(state + " after " + timeout.toSeconds() + " s. It may still become "
                    + "READY: check with `mvn agentcore:status`, or wait longer with -Dagentcore.waitTimeout=<seconds>");
        }
        log.debug(state + "; checking again in " + pause.toMillis() + " ms");
        Thread.sleep(Math.min(pause.toMillis(), Math.max(1, left / 1_000_000)));
        Duration next = pause.multipliedBy(2);
        return next.compareTo(MAX_POLL) > 0 ? MAX_POLL : next;
    }
}
