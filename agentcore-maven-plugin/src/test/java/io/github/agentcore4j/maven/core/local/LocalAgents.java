package io.github.agentcore4j.maven.core.local;

import io.github.agentcore4j.maven.core.config.Protocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Launches of {@link FakeAgent} from the test classes, and the helpers the local tests share. */
final class LocalAgents {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private LocalAgents() {
    }

    static LaunchSpec fakeAgent(String mode, Path workingDirectory) {
        return fakeAgent(mode, freePort(), workingDirectory);
    }

    static LaunchSpec fakeAgent(String mode, int port, Path workingDirectory) {
        return fakeAgent(port, Map.of("FAKE_AGENT_MODE", mode, "GREETING", "hello from the settings"),
                workingDirectory);
    }

    static LaunchSpec fakeAgent(int port, Map<String, String> environment, Path workingDirectory) {
        return new LaunchSpec("fake_agent", LaunchSpec.currentJava(), List.of(testClasses()),
                FakeAgent.class.getName(), Protocol.HTTP, port, List.of("-Xshare:auto"), environment,
                workingDirectory);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls until the condition holds, failing after {@link #TIMEOUT}. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    /** A list that output pumps may add to while tests read it. */
    static List<String> lines() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    private static Path testClasses() {
        try {
            return Path.of(FakeAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
