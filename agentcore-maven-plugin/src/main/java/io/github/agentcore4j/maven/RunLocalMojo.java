package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.local.AgentStartException;
import io.github.agentcore4j.maven.core.local.LocalRun;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compiles the project and runs the agent from its classes in a forked JVM: no Docker, no image. Waits until the
 * agent is healthy, prints where it listens and how to invoke it, streams its output, and stops it on Ctrl-C. With
 * {@code watch}, {@code mvn compile} in another terminal restarts it. With {@code container}, runs the agent's
 * linux/arm64 image in Podman or Docker instead, as AgentCore Runtime will.
 *
 * @since 0.1.0
 */
@Mojo(name = "run-local", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class RunLocalMojo extends AbstractLaunchMojo {

    /**
     * Restarts the agent whenever the compiled classes ({@code target/classes}) change.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.run-local.watch", defaultValue = "false")
    protected boolean watch;

    @Override
    protected void doExecute() throws MojoExecutionException {
        if (watch && container) {
            throw new InvalidSettingException("watch", "agentcore.run-local.watch", "watch restarts the agent from "
                    + "its classes, which container mode does not run", "leave out one of watch and container");
        }
        try {
            new LocalRun(agentLaunch(), localStateFile(), startTimeout(), buildLog(), StandardOutput::println)
                    .run(watch ? classesDirectory() : null);
        } catch (AgentStartException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while the agent ran", e);
        }
    }
}
