package io.github.agentcore4j.maven.core.local;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.Protocol;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How to start the agent in a forked JVM: the project's classes and runtime classpath, its main class, the port.
 *
 * @param agentName the agent's name, for messages
 * @param javaExecutable the {@code java} of the JDK that runs Maven
 * @param classpath the compiled classes first, then the runtime dependencies
 * @param mainClass the agent's main class
 * @param protocol the agent's protocol, which decides how its health is checked
 * @param port where the agent listens on 127.0.0.1
 * @param jvmArguments extra JVM options, e.g. {@code -Xmx512m}
 * @param environment variables added to the inherited environment (the agent's settings and AWS passthrough)
 * @param workingDirectory the project directory
 */
public record LaunchSpec(String agentName, Path javaExecutable, List<Path> classpath, String mainClass, Protocol protocol, int port,
        List<String> jvmArguments, Map<String, String> environment, Path workingDirectory) implements AgentLaunch {

    /** The system property the runtime library reads its port from. */
    static final String PORT_PROPERTY = "agentcore.port";
    /**
     * The system property the runtime library reads its host from. A local agent listens on loopback only, even on a
     * machine that looks like a container (where the library would otherwise pick 0.0.0.0).
     */
    static final String HOST_PROPERTY = "agentcore.host";
    /** Spring Boot's port setting: Boot ignores {@code agentcore.port} and {@code PORT}. */
    static final String SPRING_BOOT_PORT_PROPERTY = "server.port";
    /** Spring Boot's port setting as an environment variable (relaxed binding), e.g. for a container. */
    static final String SPRING_BOOT_PORT_VARIABLE = "SERVER_PORT";

    public LaunchSpec {
        classpath = List.copyOf(classpath);
        jvmArguments = List.copyOf(jvmArguments);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /**
     * The forked agent of run-local and start: the running JDK, the agent's settings and environment with the
     * host's AWS identity passed through (logged), the user's JVM options, then the custom serving paths, so the
     * agent serves where deploy makes it serve.
     *
     * @param jvmArguments the user's JVM options separated by spaces, or {@code null}
     * @param recorded variables the agent gets unless set otherwise, e.g. the memory the YAML records
     */
    public static LaunchSpec forked(AgentSettings settings, List<Path> classpath, String mainClass, int port,
            String jvmArguments, Path workingDirectory, Map<String, String> recorded, BuildLog log) {
        Map<String, String> environment = new LinkedHashMap<>(settings.environment());
        environment.putAll(AwsPassthrough.environmentFor(settings));
        recorded.forEach(environment::putIfAbsent);
        log.info(AwsPassthrough.describeCredentials(settings, System.getenv(),
                Path.of(System.getProperty("user.home"))));
        List<String> options = new ArrayList<>();
        if (jvmArguments != null && !jvmArguments.isBlank()) {
            options.addAll(Arrays.asList(jvmArguments.trim().split("\\s+")));
        }
        options.addAll(ServingPaths.systemProperties(settings.runtime()));
        return new LaunchSpec(settings.name().value(), currentJava(), classpath, mainClass, settings.protocol(), port,
                options, environment, workingDirectory);
    }

    /** The {@code java} of the running JDK ({@code java.home}), so the agent runs on the JDK that runs the build. */
    public static Path currentJava() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    @Override
    public String description() {
        return "The agent (" + mainClass + ")";
    }

    @Override
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmArguments);
        command.add("-D" + HOST_PROPERTY + "=127.0.0.1");
        command.add("-D" + PORT_PROPERTY + "=" + port);
        if (isSpringBoot()) {
            command.add("-D" + SPRING_BOOT_PORT_PROPERTY + "=" + port);
        }
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(mainClass);
        return command;
    }

    /**
     * The environment added to Maven's: the configured variables, then {@code PORT}, which the runtime also reads,
     * and for a Spring Boot app {@code SERVER_PORT}.
     */
    @Override
    public Map<String, String> processEnvironment() {
        Map<String, String> variables = new LinkedHashMap<>(environment);
        variables.put("PORT", Integer.toString(port));
        if (isSpringBoot()) {
            variables.put(SPRING_BOOT_PORT_VARIABLE, Integer.toString(port));
        }
        return variables;
    }

    /** Whether the agent is a Spring Boot app: Spring Boot's own jar is on its classpath. */
    public boolean isSpringBoot() {
        return classpath.stream().map(Path::getFileName).filter(Objects::nonNull).map(Path::toString)
                .anyMatch(name -> name.startsWith("spring-boot-") && name.endsWith(".jar")
                        && Character.isDigit(name.charAt("spring-boot-".length())));
    }
}
