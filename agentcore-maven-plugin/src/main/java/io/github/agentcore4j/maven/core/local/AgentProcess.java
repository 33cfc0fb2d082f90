package io.github.agentcore4j.maven.core.local;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One local agent process, a forked JVM or a container engine's {@code run} client: started from an
 * {@link AgentLaunch}, its output pumped line by line to a sink (the console or a log file) while the last lines are
 * kept to explain failures.
 */
public final class AgentProcess {

    /** How long a stopping agent gets to shut down gracefully before it is killed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final Duration FORCED_EXIT_TIMEOUT = Duration.ofSeconds(10);
    private static final int TAIL_LINES = 40;
    private static final Duration HEALTH_POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration OUTPUT_DRAIN_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

    private final Process process;
    private final AgentLaunch spec;
    private final OutputTail tail;
    private final Thread outputPump;

    private AgentProcess(Process process, AgentLaunch spec, OutputTail tail, Thread outputPump) {
        this.process = process;
        this.spec = spec;
        this.tail = tail;
        this.outputPump = outputPump;
    }

    /**
     * Starts the agent; does not wait for it to be healthy.
     *
     * @param output receives every line the agent prints (stdout and stderr)
     * @throws InvalidSettingException naming {@code port} when it is taken
     */
    public static AgentProcess start(AgentLaunch spec, Consumer<String> output) {
        requireFreePort(spec.port());
        spec.beforeStart();
        ProcessBuilder builder = new ProcessBuilder(spec.command())
                .directory(spec.workingDirectory().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(spec.processEnvironment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AgentStartException("Cannot start " + spec.command().get(0) + ": " + e.getMessage(), e);
        }
        OutputTail tail = new OutputTail(TAIL_LINES);
        Thread pump = new Thread(() -> pump(process, tail, output), "agentcore-agent-output-" + process.pid());
        pump.setDaemon(true);
        pump.start();
        return new AgentProcess(process, spec, tail, pump);
    }

    /**
     * Waits until the agent answers its health check, saying every few seconds that it still waits (an emulated
     * container can take a while).
     *
     * @throws AgentStartException with the agent's last output when it exits first or the timeout passes; the
     *     agent is stopped then
     */
    public void awaitHealthy(Duration timeout, BuildLog log) throws InterruptedException {
        HealthCheck health = new HealthCheck(spec.protocol(), spec.port());
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextProgress = start + PROGRESS_INTERVAL.toNanos();
        while (true) {
            if (System.nanoTime() - nextProgress > 0) {
                log.info("Waiting for " + spec.agentName() + " to answer on port " + spec.port() + " ("
                        + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s of " + timeout.toSeconds()
                        + " s)");
                nextProgress += PROGRESS_INTERVAL.toNanos();
            }
            if (!process.isAlive()) {
                drainOutput();
                throw new AgentStartException(spec.description() + " exited with code " + process.exitValue()
                        + " before it answered on port " + spec.port() + ". Its last output:"
                        + System.lineSeparator() + tail.describe() + spec.diagnose(tail.describe()));
            }
            if (health.isHealthy()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                SortedSet<Integer> otherPorts = ListeningPorts.of(process.toHandle());
                otherPorts.remove(spec.port());
                stop(Duration.ofSeconds(5));
                throw new AgentStartException(spec.description() + " did not turn healthy on port "
                        + spec.port() + " within " + timeout.toSeconds() + " s, so it was stopped. "
                        + (otherPorts.isEmpty() ? "Raise agentcore.startTimeout if it needs longer."
                                : wrongPortAdvice(otherPorts))
                        + " Its last output:" + System.lineSeparator() + tail.describe()
                        + spec.diagnose(tail.describe()));
            }
            Thread.sleep(HEALTH_POLL_INTERVAL.toMillis());
        }
    }

    /** Why an agent that listens, but elsewhere, never turned healthy, and the two ways out. */
    private String wrongPortAdvice(SortedSet<Integer> otherPorts) {
        String ports = otherPorts.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return "It listens on port " + ports + " instead: it ignores the port it is given (system properties "
                + LaunchSpec.PORT_PROPERTY + " and " + LaunchSpec.SPRING_BOOT_PORT_PROPERTY + ", environment "
                + "variables PORT and " + LaunchSpec.SPRING_BOOT_PORT_VARIABLE + "). Make it read one of them, or "
                + "set -Dagentcore.port=" + otherPorts.first() + ".";
    }

    /** The agent's URL, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        return "http://127.0.0.1:" + spec.port();
    }

    public int port() {
        return spec.port();
    }

    public long pid() {
        return process.pid();
    }

    /** When the process started, to recognise it later by PID without mistaking a reused PID for it. */
    public Instant startInstant() {
        return process.toHandle().info().startInstant().orElse(Instant.EPOCH);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Blocks until the agent exits and returns its exit code. */
    public int waitFor() throws InterruptedException {
        int code = process.waitFor();
        drainOutput();
        return code;
    }

    /** The agent's last lines of output, indented, for error messages. */
    public String lastOutput() {
        return tail.describe();
    }

    /**
     * Stops the agent and anything it started: SIGTERM first, so it shuts down gracefully, then a forced kill after
     * {@code grace}.
     */
    public void stop(Duration grace) {
        terminate(process.toHandle(), grace);
        spec.afterStop();
        drainOutput();
    }

    /**
     * Ends a process tree: a graceful request first, then a forced kill for whatever is still alive after
     * {@code grace}. Uses JDK classes only, because shutdown hooks call it after Maven may have closed the plugin's
     * class realm, when no further plugin class can be loaded.
     */
    static void terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process);
        for (ProcessHandle handle : tree) {
            handle.destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            if (!awaitExit(handle, Math.max(0, deadline - System.nanoTime()))) {
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : tree) {
            awaitExit(handle, FORCED_EXIT_TIMEOUT.toNanos());
        }
    }

    private static boolean awaitExit(ProcessHandle handle, long nanos) {
        try {
            handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void drainOutput() {
        try {
            outputPump.join(OUTPUT_DRAIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pump(Process process, OutputTail tail, Consumer<String> output) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                tail.add(line);
                output.accept(line);
            }
        } catch (IOException streamClosedByExit) {
            // The process is gone; there is nothing more to read.
        }
    }

    /**
     * Checks that nothing listens on {@code port} on 127.0.0.1, e.g. before building an image to run there.
     *
     * @throws InvalidSettingException naming {@code port} when it is taken
     */
    public static void requireFreePort(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new InvalidSettingException(PropertyNames.PORT,
                    "port " + port + " is already in use on 127.0.0.1",
                    "stop what listens there (another agentcore:run-local?), or pass -Dagentcore.port=<free port>");
        }
    }
}
