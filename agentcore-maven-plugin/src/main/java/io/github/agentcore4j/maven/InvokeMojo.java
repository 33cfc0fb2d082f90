package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.deploy.DeployedAgent;
import io.github.agentcore4j.maven.core.invoke.AnswerTimeouts;
import io.github.agentcore4j.maven.core.invoke.EndpointChoice;
import io.github.agentcore4j.maven.core.invoke.InvocationInputs;
import io.github.agentcore4j.maven.core.invoke.Invoker;
import io.github.agentcore4j.maven.core.invoke.ProtocolPayloads.McpCall;
import io.github.agentcore4j.maven.core.invoke.ProtocolPayloads;
import io.github.agentcore4j.maven.core.local.LocalAgentState;
import io.github.agentcore4j.maven.core.local.TcpPort;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
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
public class InvokeMojo extends AbstractDeployedAgentMojo {

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

    /**
     * The port of the local agent on 127.0.0.1. Defaults to the protocol's port (8080 HTTP, 8000 MCP, 9000 A2A);
     * invoke uses the port of the agent that run-local or start launched in this project, and fails when there
     * is none instead of guessing.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PORT)
    protected Integer port;

    /**
     * The local agent's invocation path, as run-local and start serve it. Unset: the protocol's path.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.INVOCATION_PATH)
    protected String invocationPath;

    /**
     * The deployed runtime's request header allowlist: a header given in {@code headers} that it does not name gets
     * the prefix {@code X-Amzn-Bedrock-AgentCore-Runtime-Custom-}, and a warning says AgentCore drops it otherwise.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REQUEST_HEADER_ALLOWLIST)
    protected List<String> requestHeaderAllowlist;

    @Override
    protected void addSettings(AgentSettings.Builder builder) {
        super.addSettings(builder);
        builder.requestHeaderAllowlist(requestHeaderAllowlist).serving(null, invocationPath);
    }

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
                awsSettings(), this::runningAgentPort, maven()::property, System.getenv())) {
            invoker.invoke(chosen.endpoint(), body, sessionId, newSession,
                    InvocationInputs.headers(givenHeaders, settings.requestHeaderAllowlist()),
                    StandardOutput::println, outputFile == null ? null : outputFile.toPath());
        }
    }

    /**
     * The port to reach the local agent on: the configured one, else the one run-local or start recorded for the
     * agent they run. Logs which, and never guesses: with neither, the goal fails saying how to start the agent.
     *
     * @throws InvalidSettingException naming {@code port} when it is unset and no local agent is recorded
     */
    private int runningAgentPort() {
        if (port != null) {
            int configured = TcpPort.require(port);
            getLog().info("Local agent port " + configured + " (set by " + PropertyNames.PORT + ")");
            return configured;
        }
        Path stateFile = maven().localStateFile();
        int recorded = LocalAgentState.read(stateFile)
                .filter(LocalAgentState::isRunning)
                .map(LocalAgentState::port)
                .orElseThrow(() -> new InvalidSettingException(PropertyNames.PORT, "it is not set and no local agent "
                        + "of this project runs (" + stateFile + " records none that is alive)", "start the agent "
                        + "with `mvn agentcore:run-local` (or agentcore:start) in this project, or pass -D"
                        + PropertyNames.PORT + "=<port> for one that runs elsewhere"));
        getLog().info("Local agent port " + recorded + " (recorded by run-local/start in " + stateFile + ")");
        return recorded;
    }
}
