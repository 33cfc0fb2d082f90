package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An agent's main class (by default {@link HardeningFixture}) in its own JVM on a free port; closing it kills the
 * JVM.
 */
final class AgentProcess implements AutoCloseable {

    /** How the agent is told its port: the system property, or the environment variable deployments set. */
    enum PortSetting { PROPERTY, VARIABLE }

    final int port;
    final Process process;
    final Path output;

    AgentProcess(List<String> jvmOptions, String mode) throws IOException, InterruptedException {
        this(jvmOptions, Map.of(), PortSetting.PROPERTY, HardeningFixture.class, mode);
    }

    /** @param environment variables the agent's JVM gets beside the port's */
    AgentProcess(List<String> jvmOptions, Map<String, String> environment, PortSetting portSetting,
            Class<?> mainClass, String... arguments) throws IOException, InterruptedException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        output = Files.createTempFile("agent", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        if (portSetting == PortSetting.PROPERTY) {
            command.add("-D" + AgentCoreApp.PORT_PROPERTY + "=" + port);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        if (portSetting == PortSetting.VARIABLE) {
            builder.environment().put(AgentCoreApp.PORT_VARIABLE, Integer.toString(port));
        }
        process = builder.start();
        ConcurrencyAndShutdownTest.awaitTrue(() -> log().contains("Agent listening") || !process.isAlive(),
                RunningAgent.TIMEOUT);
        if (!process.isAlive()) {
            throw new IllegalStateException("The agent did not start:\n" + log());
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String log() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        Files.deleteIfExists(output);
    }
}
