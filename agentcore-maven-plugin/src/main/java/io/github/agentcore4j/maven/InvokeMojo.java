package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.deploy.DeployedAgent;
import io.github.agentcore4j.maven.core.invoke.AgentEndpoint;
import io.github.agentcore4j.maven.core.invoke.AnswerTimeouts;
import io.github.agentcore4j.maven.core.invoke.AwsAgentEndpoint;
import io.github.agentcore4j.maven.core.invoke.BearerAgentEndpoint;
import io.github.agentcore4j.maven.core.invoke.InvocationInputs;
import io.github.agentcore4j.maven.core.invoke.Invoker;
import io.github.agentcore4j.maven.core.invoke.LocalAgentEndpoint;
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
        Optional<DeployedAgent> deployed = local ? Optional.empty()
                : DeployedAgent.find(agentArn, agentEntry());
        if (deployed.isEmpty()) {
            invoke(invoker, body, new LocalAgentEndpoint(settings.protocol(), runningAgentPort(),
                    settings.runtime().invocationPath(), Duration.ofSeconds(timeout)));
            return;
        }
        DeployedAgent agent = deployed.get();
        warnAboutHeadersOutsideTheAllowlist(settings.requestHeaderAllowlist());
        String token = BearerAgentEndpoint.token(name -> session.getUserProperties().getProperty(name,
                session.getSystemProperties().getProperty(name)), System.getenv());
        if (token != null) {
            if (userId != null) {
                throw new InvalidSettingException(PropertyNames.INVOKE_USER_ID, "a user id can only be sent "
                        + "with SigV4, and a bearer token is set", "unset one of them");
            }
            String region = settings.region() != null ? settings.region() : agent.region();
            invoke(invoker, body, new BearerAgentEndpoint(BearerAgentEndpoint.dataPlane(awsSettings().endpointUrl(),
                    region, System.getenv()), agent, qualifier, token, Duration.ofSeconds(timeout)));
            return;
        }
        try (AwsSession aws = awsSessionFor(agent)) {
            invoke(invoker, body, new AwsAgentEndpoint(aws.data(Duration.ofSeconds(timeout)), agent, qualifier,
                    userId));
        }
    }

    /** AgentCore Runtime drops a request header its allowlist does not name, silently: say so before sending. */
    private void warnAboutHeadersOutsideTheAllowlist(List<String> allowlist) {
        for (String header : headers == null ? List.<String>of() : headers) {
            String name = header.contains("=") ? header.substring(0, header.indexOf('=')).trim() : header.trim();
            if (allowlist.stream().noneMatch(name::equalsIgnoreCase)) {
                buildLog().warn("Header " + name + " is not in the runtime's request header allowlist, so AgentCore "
                        + "Runtime does not pass it to the agent. Fix: add " + name
                        + " to requestHeaderAllowlist (-Dagentcore.requestHeaderAllowlist) and deploy");
            }
        }
    }

    private void invoke(Invoker invoker, String body, AgentEndpoint endpoint)
            throws IOException, InterruptedException {
        invoker.invoke(endpoint, body, sessionId, newSession,
                InvocationInputs.headers(headers == null ? List.of() : headers,
                        agentSettings().requestHeaderAllowlist()),
                StandardOutput::println, outputFile == null ? null : outputFile.toPath());
    }
}
