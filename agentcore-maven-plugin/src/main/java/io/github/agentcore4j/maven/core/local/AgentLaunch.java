package io.github.agentcore4j.maven.core.local;

import io.github.agentcore4j.maven.core.config.Protocol;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How one local agent process is started and cleaned up: a forked JVM ({@link LaunchSpec}) or a container engine's
 * {@code run} client (the container mode), both watched by {@link AgentProcess}.
 */
public interface AgentLaunch {

    /** The agent's name, for messages. */
    String agentName();

    /** The agent's protocol, which decides how its health is checked. */
    Protocol protocol();

    /** Where the agent answers on 127.0.0.1. */
    int port();

    /** What runs, for messages, e.g. {@code the agent (com.example.Main)}. */
    String description();

    /** The command line; it carries no secret (the process environment does). */
    List<String> command();

    /** Variables added to the inherited environment of the process. */
    Map<String, String> processEnvironment();

    /** The process's working directory. */
    Path workingDirectory();

    /** Called right before the process starts, e.g. to arrange cleanup should Maven be killed. */
    default void beforeStart() {
    }

    /**
     * Called after the process was stopped, to remove what it may leave behind. Runs in shutdown hooks too, so it
     * uses JDK classes only.
     */
    default void afterStop() {
    }

    /** What the agent's last output says went wrong and how to fix it, or an empty string. */
    default String diagnose(String lastOutput) {
        return "";
    }
}
