/**
 * The agentcore4j runtime library: turns a Java function into a server that honours the Amazon Bedrock AgentCore
 * Runtime service contract, as the Python SDK's {@code BedrockAgentCoreApp} does. One package; the public types are
 * what an agent's code uses, everything else is package-private.
 *
 * <h2>Reading order</h2>
 * The classes read top-down in one sitting, from what a user writes to what answers on the wire:
 * <ol>
 *   <li><b>Entry point.</b> {@link io.github.agentcore4j.runtime.AgentCoreApp}: register one protocol's handler,
 *       then {@code run()} (or {@code start()}, which returns the running
 *       {@link io.github.agentcore4j.runtime.AgentServer}). The handler shapes a user writes:
 *       {@link io.github.agentcore4j.runtime.PayloadHandler}, {@link io.github.agentcore4j.runtime.InvocationHandler},
 *       {@link io.github.agentcore4j.runtime.StreamingHandler} (with its
 *       {@link io.github.agentcore4j.runtime.EventEmitter}) and the {@link io.github.agentcore4j.runtime.Entrypoint}
 *       annotation; what each call is told, {@link io.github.agentcore4j.runtime.RequestContext}; how a handler
 *       answers with an HTTP status, {@link io.github.agentcore4j.runtime.InvocationException}.</li>
 *   <li><b>App.</b> {@code AgentCoreApp.start()} resolves the port and path, then lets the registered
 *       {@code Protocol} wire itself into a {@code Wiring}: the protocol's routes, and {@code /ping}
 *       ({@code PingTracker}, {@link io.github.agentcore4j.runtime.PingStatus}) and {@code /warmup}
 *       ({@code Warmup}) for every protocol. {@code SessionStarts} runs the app's
 *       {@link io.github.agentcore4j.runtime.SessionStartHandler} once per session.</li>
 *   <li><b>Server.</b> {@code AgentServer} matches a request to a {@code Route}, counts work in flight and drains it
 *       on stop; under it a {@code ServerEngine} ({@code JdkEngine}, or {@code JettyEngine} when {@code /ws} is
 *       served) hands each request over as an {@code HttpCall} ({@code JdkHttpCall}, {@code JettyHttpCall}): on a
 *       thread of {@code InvocationThreads} for the JDK server, on the Jetty thread that parsed it for Jetty.</li>
 *   <li><b>Where a call enters.</b> {@code InvocationScope}: the one place a call's {@code RequestContext} is built
 *       from its headers and made current, with its trace span ({@code InvocationSpan}, {@code OpenTelemetrySpans}),
 *       for every protocol.</li>
 *   <li><b>Endpoints, one per protocol.</b> Each is a {@code Protocol}: {@code InvocationEndpoint} (HTTP
 *       {@code POST /invocations}, JSON or Server-Sent Events through {@code SseResponse}, and the app's
 *       {@link io.github.agentcore4j.runtime.WebSocketHandler} on {@code /ws} through {@code JettyWebSocket} as a
 *       {@link io.github.agentcore4j.runtime.WebSocketSession}), {@code AgUiEndpoint}
 *       ({@link io.github.agentcore4j.runtime.AgUiHandler}, {@link io.github.agentcore4j.runtime.AgUiInput},
 *       {@link io.github.agentcore4j.runtime.AgUiEvents}), {@code McpEndpoint} (the MCP Java SDK's stateless
 *       transport on {@code POST /mcp}) and {@code A2aEndpoint} ({@link io.github.agentcore4j.runtime.A2aAgent},
 *       {@link io.github.agentcore4j.runtime.A2aHandler}, {@link io.github.agentcore4j.runtime.A2aStreamingHandler},
 *       {@link io.github.agentcore4j.runtime.A2aMessage}).</li>
 *   <li><b>Protocol details.</b> {@code Invocable} and {@code PayloadBinder} (the entrypoint and its payload
 *       binding), {@code A2aTasks} and {@code A2aV1} (A2A's tasks and its 1.0 forms), {@code ForwardableHeaders}
 *       (the header allowlist).</li>
 *   <li><b>Memory and identity.</b> {@link io.github.agentcore4j.runtime.AgentMemory} and
 *       {@link io.github.agentcore4j.runtime.AgentIdentity} (with
 *       {@link io.github.agentcore4j.runtime.AuthorizationRequiredException}) call AgentCore Memory and Identity
 *       through the AWS SDK, optional, with a client {@code LazyAgentCoreClient} makes on first use.</li>
 *   <li><b>Support.</b> Request bodies ({@code RequestBody}, {@code BodySegments}, {@code BodyBudget},
 *       {@code ServerLimits}), JSON ({@code Json}, {@code JsonNodes}, {@code Responses}), logs ({@code JsonLogging},
 *       {@code JsonLogFormatter}, {@code BufferedLogHandler}), ids drawn per use from the OS ({@link io.github.agentcore4j.runtime.Ids}),
 *       signals ({@code StopSignals}) and the OpenTelemetry resource ({@link
 *       io.github.agentcore4j.runtime.AgentCoreResource}).</li>
 * </ol>
 */
package io.github.agentcore4j.runtime;
