package io.github.agentcore4j.maven.core.container;

import io.github.agentcore4j.maven.core.config.Protocol;
import io.github.agentcore4j.maven.core.local.AgentLaunch;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the agent's image in a local engine as linux/arm64, attached, so that its output streams and Ctrl-C reaches
 * it: {@code run --rm} with the protocol's port published on 127.0.0.1 only. Environment values never appear on the
 * command line: each variable is passed by name ({@code --env NAME}) from the engine client's environment, where
 * secrets stay out of process listings and logs.
 *
 * @param engine the engine that holds the image
 * @param image the image id (or reference) in the engine
 * @param agentName the agent's name, for messages and the container's name
 * @param protocol the agent's protocol
 * @param port the port published on 127.0.0.1
 * @param containerPort the port the agent listens on inside the container
 * @param environment the variables the agent gets, values included
 * @param workingDirectory the project directory
 */
public record ContainerLaunch(ContainerEngine engine, String image, String agentName, Protocol protocol, int port,
        int containerPort, Map<String, String> environment, Path workingDirectory) implements AgentLaunch {

    public ContainerLaunch {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** One name per agent and port, so a container a killed build left behind is replaced, not duplicated. */
    public String containerName() {
        return "agentcore-" + agentName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-") + "-" + port;
    }

    @Override
    public String description() {
        return "The agent's container (" + engine.name() + ", image " + image + ")";
    }

    @Override
    public List<String> command() {
        List<String> command = engine.command("run", "--rm", "--name", containerName(), "--platform", "linux/arm64",
                "--pull=never", "-p", "127.0.0.1:" + port + ":" + containerPort);
        for (String name : environment.keySet()) {
            command.add("--env");
            command.add(name);
        }
        command.add(image);
        return command;
    }

    @Override
    public Map<String, String> processEnvironment() {
        return environment;
    }

    /** Replaces a leftover container of the same name and starts the watchdog that outlives a killed Maven. */
    @Override
    public void beforeStart() {
        engine.remove(containerName());
        startWatchdog();
    }

    @Override
    public void afterStop() {
        engine.remove(containerName());
    }

    @Override
    public String diagnose(String lastOutput) {
        return ContainerDiagnosis.explain(lastOutput, port);
    }

    /**
     * A shell that waits for this JVM to end, however it ends (a SIGKILL runs no shutdown hook), then removes the
     * container. It ignores the signals a terminal's Ctrl-C or a process-tree stop sends, so it outlives Maven.
     */
    private void startWatchdog() {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                "trap '' INT TERM HUP; while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; shift; exec \"$@\"",
                "agentcore-container-watchdog", Long.toString(ProcessHandle.current().pid())));
        command.addAll(engine.command("rm", "-f", containerName()));
        try {
            new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            // No shell (Windows): the shutdown hooks still remove the container unless Maven is killed.
        }
    }
}
