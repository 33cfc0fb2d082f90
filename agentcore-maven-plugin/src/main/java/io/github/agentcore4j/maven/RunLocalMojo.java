package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.local.AgentLaunch;
import io.github.agentcore4j.maven.core.local.AgentStartException;
import io.github.agentcore4j.maven.core.local.LocalRun;
import io.github.agentcore4j.maven.core.observability.LocalTracing;
import io.github.agentcore4j.maven.core.observability.OtlpReceiver;
import io.github.agentcore4j.maven.core.observability.TraceView;
import java.io.IOException;
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
    @Parameter(property = PropertyNames.RUN_LOCAL_WATCH, defaultValue = "false")
    protected boolean watch;

    /**
     * Traces the agent with the OpenTelemetry Java agent ({@code observabilityAgent}) and prints one span tree per
     * invocation next to the agent's output, from an OTLP/HTTP receiver this goal runs on a free loopback port.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.RUN_LOCAL_TRACES, defaultValue = "false")
    protected boolean traces;

    @Override
    protected void doExecute() throws InterruptedException {
        if (watch && container) {
            throw new InvalidSettingException(PropertyNames.RUN_LOCAL_WATCH, "watch restarts the agent from "
                    + "its classes, which container mode does not run", "leave out one of watch and container");
        }
        if (!traces) {
            run(agentLaunch());
            return;
        }
        if (container) {
            throw new InvalidSettingException(PropertyNames.RUN_LOCAL_TRACES, "the local trace view attaches "
                    + "the Java agent to a forked JVM, which container mode does not run",
                    "leave out one of traces and container");
        }
        try (OtlpReceiver receiver = OtlpReceiver.start(new TraceView(StandardOutput::println))) {
            getLog().info("Traces: the agent runs under " + observabilityAgent + " and exports to "
                    + receiver.endpoint() + "; each invocation prints its span tree");
            run(LocalTracing.traced(launchSpec(), observabilityJars(), receiver.endpoint()));
        } catch (IOException e) {
            throw new AgentStartException("Cannot start the local trace receiver: " + e.getMessage(), e);
        }
    }

    private void run(AgentLaunch launch) throws InterruptedException {
        new LocalRun(launch, maven().localStateFile(), startTimeout(), buildLog(), StandardOutput::println)
                .run(watch ? maven().classesDirectory() : null);
    }
}
