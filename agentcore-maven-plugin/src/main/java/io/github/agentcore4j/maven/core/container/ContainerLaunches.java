package io.github.agentcore4j.maven.core.container;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.RuntimeOptions;
import io.github.agentcore4j.maven.core.image.ImageBuildRequest;
import io.github.agentcore4j.maven.core.image.ImageBuildResult;
import io.github.agentcore4j.maven.core.image.ImageBuilder;
import io.github.agentcore4j.maven.core.image.ImageTarget;
import io.github.agentcore4j.maven.core.local.AgentProcess;
import io.github.agentcore4j.maven.core.local.AgentStartException;
import io.github.agentcore4j.maven.core.local.ServingPaths;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Prepares the agent's image to run in a local container engine as linux/arm64, with the host's AWS identity: the
 * container mode of run-local and start, and the smoke test of build and deploy.
 */
public final class ContainerLaunches {

    private ContainerLaunches() {
    }

    /**
     * Builds the image into the local engine and says how to run it there.
     *
     * @param image the project's image request, made only once the engine answers (so a missing engine is
     *     reported before anything is resolved); its target and output directory are set here
     * @param containerEngine the configured engine command, or {@code null} for the first that answers
     * @param hostPort the port published on 127.0.0.1, checked first so a taken port fails before any build
     * @param imageName the name the image gets in the engine
     * @param outputDirectory where the build writes its outputs
     * @param workingDirectory the project directory
     * @param recorded variables the agent gets unless set otherwise, e.g. the memory the YAML records
     * @throws AgentStartException when the port is taken, no engine answers or this host cannot run arm64 images
     */
    public static ContainerLaunch prepare(Supplier<ImageBuildRequest.Builder> image, String containerEngine,
            AgentSettings settings, int hostPort, String imageName, Path outputDirectory, Path workingDirectory,
            Map<String, String> recorded, BuildLog log) throws InterruptedException {
        AgentProcess.requireFreePort(hostPort);
        ContainerEngine engine = ContainerEngine.find(containerEngine, System.getenv("PATH"));
        ArmEmulation.problem().ifPresent(problem -> {
            throw new AgentStartException(problem);
        });
        ImageBuildResult built = new ImageBuilder().build(image.get()
                .target(new ImageTarget.Daemon(imageName, engine.executable()))
                .outputDirectory(outputDirectory)
                .build(), log);
        ContainerEnvironment environment = ContainerEnvironment.of(settings, System.getenv(),
                Path.of(System.getProperty("user.home")));
        log.info(environment.credentialSource());
        RuntimeOptions runtime = settings.runtime();
        int containerPort = runtime.servingPort(settings.protocol());
        Map<String, String> variables = new LinkedHashMap<>(environment.variables());
        variables.putAll(ServingPaths.environment(runtime, containerPort));
        recorded.forEach(variables::putIfAbsent);
        return new ContainerLaunch(engine, built.imageId(), settings.name().value(), settings.protocol(), hostPort,
                containerPort, variables, workingDirectory);
    }
}
