package io.github.agentcore4j.maven.core.container;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.config.Protocol;
import io.github.agentcore4j.maven.core.invoke.InvocationRequest;
import io.github.agentcore4j.maven.core.invoke.InvocationResponse;
import io.github.agentcore4j.maven.core.invoke.LocalAgentEndpoint;
import io.github.agentcore4j.maven.core.invoke.ProtocolPayloads;
import io.github.agentcore4j.maven.core.local.AgentProcess;
import io.github.agentcore4j.maven.core.local.AgentStartException;
import io.github.agentcore4j.maven.core.local.ServingPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Runs a freshly built image the way AgentCore Runtime will (linux/arm64, its own entrypoint and user), waits for
 * its health check and invokes it once, so that an image that cannot serve is refused before it is pushed or
 * deployed.
 */
public final class SmokeTest {

    private static final Duration INVOCATION_TIMEOUT = Duration.ofMinutes(2);

    private SmokeTest() {
    }

    /**
     * @param payload the request body sent to the protocol's invocation path
     * @throws AgentStartException with the container's output when it does not turn healthy or answers the
     *     invocation with an error
     */
    public static void run(ContainerLaunch launch, String payload, Duration startTimeout, BuildLog log)
            throws InterruptedException {
        log.info("Smoke test: running the image in " + launch.engine().name() + " as linux/arm64 on 127.0.0.1:"
                + launch.port());
        AgentProcess container = AgentProcess.start(launch, line -> log.debug("[container] " + line));
        try {
            container.awaitHealthy(startTimeout, log);
            invoke(launch, payload, container);
            log.info("Smoke test passed: the image turned healthy and answered its invocation");
        } catch (AgentStartException e) {
            throw new AgentStartException("Smoke test failed, so the image is not shipped. " + e.getMessage(), e);
        } finally {
            container.stop(AgentProcess.STOP_GRACE);
        }
    }

    /**
     * The body the smoke test sends: the configured one, else {@code {"prompt":"Hello"}} for HTTP agents, an A2A
     * {@code message/send} of "Hello", or an MCP {@code tools/list}.
     */
    public static String payload(Protocol protocol, String configured) {
        return ProtocolPayloads.body(protocol, configured, configured != null || protocol == Protocol.MCP ? null
                : "Hello", null, new ProtocolPayloads.McpCall(ProtocolPayloads.DEFAULT_MCP_METHOD, null, null));
    }

    /** A port on 127.0.0.1 that nothing listens on now, for a container that lives only during the test. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on 127.0.0.1", e);
        }
    }

    private static void invoke(ContainerLaunch launch, String payload, AgentProcess container)
            throws InterruptedException {
        LocalAgentEndpoint endpoint = new LocalAgentEndpoint(launch.protocol(), launch.port(),
                launch.environment().get(ServingPaths.INVOCATION_PATH_VARIABLE), INVOCATION_TIMEOUT);
        InvocationRequest request = new InvocationRequest(payload, UUID.randomUUID().toString(), Map.of());
        try (InvocationResponse response = endpoint.send(request)) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            if (response.statusCode() / 100 != 2) {
                throw new AgentStartException("The container answered the smoke test's invocation (" + payload
                        + ") with " + response.statusCode() + ": " + body + System.lineSeparator()
                        + "Its last output:" + System.lineSeparator() + container.lastOutput());
            }
        } catch (IOException e) {
            throw new AgentStartException("The smoke test's invocation (" + payload + ") failed: " + e.getMessage()
                    + System.lineSeparator() + "Its last output:" + System.lineSeparator() + container.lastOutput(), e);
        }
    }
}
