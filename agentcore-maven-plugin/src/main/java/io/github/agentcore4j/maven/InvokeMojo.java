package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.config.AgentCoreConfigFile;
import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.invoke.AgentEndpoint;
import io.github.agentcore4j.maven.core.invoke.InvocationFailedException;
import io.github.agentcore4j.maven.core.invoke.InvocationInputs;
import io.github.agentcore4j.maven.core.invoke.Invoker;
import io.github.agentcore4j.maven.core.invoke.LocalAgentEndpoint;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Sends a payload to the agent and prints the answer: JSON pretty-printed, a stream one event per line as each
 * arrives. The session id is kept in {@code .bedrock_agentcore.yaml} and reused until a new one is asked for. An
 * answer with status 4xx or 5xx fails the build with the status and body. Targets the local agent (run-local,
 * start) when {@code local} is set or the agent has not been deployed.
 *
 * @since 0.1.0
 */
@Mojo(name = "invoke", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class InvokeMojo extends AbstractLocalAgentMojo {

    /**
     * The JSON payload, e.g. {@code {"prompt":"Hello"}}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.payload")
    protected String payload;

    /**
     * A prompt, sent as {@code {"prompt": "<text>"}}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.prompt")
    protected String prompt;

    /**
     * A file holding the JSON payload.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.invoke.payloadFile")
    protected File payloadFile;

    /**
     * The runtime session id (33 to 256 characters). Unset: the id kept in {@code .bedrock_agentcore.yaml}, or a
     * new one.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.invoke.sessionId")
    protected String sessionId;

    /**
     * Starts a new session (a new id, then kept) instead of reusing the kept one.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.invoke.newSession", defaultValue = "false")
    protected boolean newSession;

    /**
     * Custom headers, each {@code Name=value}; comma-separated on the command line. A name that is not in the
     * request header allowlist gets the prefix {@code X-Amzn-Bedrock-AgentCore-Runtime-Custom-}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.invoke.headers")
    protected List<String> headers;

    /**
     * Also writes the answer (as printed) to this file.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.invoke.outputFile")
    protected File outputFile;

    /**
     * Seconds to wait for the agent to start answering.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.invoke.timeout", defaultValue = "300")
    protected int timeout;

    /**
     * Invokes the local agent (run-local, start) even when the agent has been deployed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.local", defaultValue = "false")
    protected boolean local;

    @Override
    protected void doExecute() throws MojoExecutionException, MojoFailureException {
        AgentSettings settings = agentSettings();
        String body = InvocationInputs.payload(payload, prompt, payloadFile == null ? null : payloadFile.toPath());
        Invoker invoker = new Invoker(configFile(), settings.name().value(), buildLog());
        try {
            invoker.invoke(endpoint(settings), body, sessionId, newSession,
                    InvocationInputs.headers(headers == null ? List.of() : headers, settings.requestHeaderAllowlist()),
                    System.out::println, outputFile == null ? null : outputFile.toPath());
        } catch (InvocationFailedException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Invoking the agent failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while invoking the agent", e);
        }
    }

    /** The local agent, unless the agent has been deployed and {@code local} is not set. */
    protected AgentEndpoint endpoint(AgentSettings settings) {
        Optional<String> deployed = AgentCoreConfigFile.read(configFile()).agentArn(settings.name().value());
        if (!local && deployed.isPresent()) {
            throw new InvalidSettingException("local", "agent " + settings.name().value() + " is deployed ("
                    + deployed.get() + ") and this version of the plugin invokes local agents only",
                    "pass -Dagentcore.local=true to invoke the local agent");
        }
        return new LocalAgentEndpoint(settings.protocol(), runningAgentPort(), Duration.ofSeconds(timeout));
    }
}
