package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.deploy.DeployedAgent;
import io.github.agentcore4j.maven.core.invoke.AnswerTimeouts;
import io.github.agentcore4j.maven.core.invoke.EndpointChoice;
import io.github.agentcore4j.maven.core.invoke.InvocationInputs;
import io.github.agentcore4j.maven.core.invoke.Invoker;
import io.github.agentcore4j.maven.core.invoke.ProtocolPayloads.McpCall;
import io.github.agentcore4j.maven.core.invoke.ProtocolPayloads;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Sends a payload to the agent and prints the answer: JSON pretty-printed, a stream one event per line as each
 * arrives. The session id is kept in {@code .bedrock_agentcore.yaml} and reused until a new one is asked for. An
 * answer with status 4xx or 5xx fails the build with the status and body. Calls the deployed agent (or the runtime
 * {@code agentArn} names) through AgentCore with SigV4, or with an OAuth bearer token; calls the local agent
 * (run-local, start) when {@code local} is set or the agent has not been deployed.
 * <p>
 * The bearer token (for a runtime with a JWT authorizer) comes from the environment variable
 * {@code AGENTCORE_BEARER_TOKEN} (preferred: it stays off the command line) or the property
 * {@code -Dagentcore.invoke.bearerToken}. It is read in code rather than as a parameter, so no log level, {@code -X}
 * included, prints it.
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
    @Parameter(property = PropertyNames.INVOKE_PAYLOAD)
    protected String payload;

    /**
     * A prompt, sent as {@code {"prompt": "<text>"}}; to an A2A agent as the text of a {@code message/send}; to an
     * AG-UI agent as the user message of a {@code RunAgentInput} (its events print as messages, tool calls and state).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INVOKE_PROMPT)
    protected String prompt;

    /**
     * MCP servers: the JSON-RPC method to call, e.g. {@code tools/list} (the default), {@code resources/list} or
     * {@code prompts/list}; {@code mcpArguments} become its params.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INVOKE_MCP_METHOD)
    protected String mcpMethod;

    /**
     * MCP servers: the tool to call with {@code tools/call}, its arguments in {@code mcpArguments}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INVOKE_MCP_TOOL)
    protected String mcpTool;

    /**
     * MCP servers: a JSON object, the tool's arguments (e.g. {@code {"a":2,"b":3}}) or the method's params.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INVOKE_MCP_ARGUMENTS)
    protected String mcpArguments;

    /**
     * A file holding the JSON payload.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INVOKE_PAYLOAD_FILE)
    protected File payloadFile;

    /**
     * The runtime session id (33 to 256 characters). Unset: the id kept in {@code .bedrock_agentcore.yaml}, or a
     * new one.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INVOKE_SESSION_ID)
    protected String sessionId;

    /**
     * Starts a new session (a new id, then kept) instead of reusing the kept one.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INVOKE_NEW_SESSION, defaultValue = "false")
    protected boolean newSession;

    /**
     * Custom headers, each {@code Name=value}; comma-separated on the command line. A name that is not in the
     * request header allowlist gets the prefix {@code X-Amzn-Bedrock-AgentCore-Runtime-Custom-}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INVOKE_HEADERS)
    protected List<String> headers;

    /**
     * Also writes the answer (as printed) to this file.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INVOKE_OUTPUT_FILE)
    protected File outputFile;

    /**
     * Seconds to wait for the agent's whole answer, from the request to its last byte; then invoke fails.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INVOKE_TIMEOUT, defaultValue = "300")
    protected int timeout;

    /**
     * Seconds to wait for each next part of the answer (the next event of a stream); a stream that stalls longer
     * fails invoke, even within {@code timeout}.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.INVOKE_IDLE_TIMEOUT, defaultValue = "120")
    protected int idleTimeout;

    /**
     * Invokes the local agent (run-local, start) even when the agent has been deployed.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INVOKE_LOCAL, defaultValue = "false")
    protected boolean local;

    /**
     * The endpoint (e.g. {@code DEFAULT}, {@code prod}) or version of a deployed agent to call.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INVOKE_QUALIFIER, defaultValue = "DEFAULT")
    protected String qualifier;

    /**
     * The runtime user id to call a deployed agent for ({@code X-Amzn-Bedrock-AgentCore-Runtime-User-Id}); needs
     * the {@code bedrock-agentcore:InvokeAgentRuntimeForUser} permission. SigV4 only.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INVOKE_USER_ID)
    protected String userId;

    @Override
    protected void doExecute() throws IOException, InterruptedException {
        AgentSettings settings = agentSettings();
        String body = ProtocolPayloads.body(settings.protocol(), payload, prompt,
                payloadFile == null ? null : payloadFile.toPath(), new McpCall(mcpMethod, mcpTool, mcpArguments));
        AnswerTimeouts timeouts = AnswerTimeouts.ofSeconds(idleTimeout, timeout);
        Invoker invoker = new Invoker(configFile(), settings.name().value(), settings.protocol(), buildLog(),
                timeouts);
        List<String> givenHeaders = headers == null ? List.of() : headers;
        Optional<DeployedAgent> deployed = local ? Optional.empty() : DeployedAgent.find(agentArn, agentEntry());
        if (deployed.isPresent()) {
            InvocationInputs.warnOutsideAllowlist(givenHeaders, settings.requestHeaderAllowlist(), buildLog());
        }
        try (EndpointChoice.Chosen chosen = EndpointChoice.choose(
                new EndpointChoice.Inputs(local, qualifier, userId, Duration.ofSeconds(timeout)), settings, deployed,
                awsSettings(), this::runningAgentPort, name -> session.getUserProperties().getProperty(name,
                        session.getSystemProperties().getProperty(name)), System.getenv())) {
            invoker.invoke(chosen.endpoint(), body, sessionId, newSession,
                    InvocationInputs.headers(givenHeaders, settings.requestHeaderAllowlist()),
                    StandardOutput::println, outputFile == null ? null : outputFile.toPath());
        }
    }
}
