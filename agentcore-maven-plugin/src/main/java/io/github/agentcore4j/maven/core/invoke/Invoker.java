package io.github.agentcore4j.maven.core.invoke;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.config.AgentEntry;
import io.github.agentcore4j.maven.core.config.Protocol;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The invoke goal's work, wherever the agent runs: picks the session (and keeps it in
 * {@code .bedrock_agentcore.yaml}), sends the payload, prints the answer and, when asked, writes it to a file.
 */
public final class Invoker {

    /** MCP's own session header; AgentCore sends a stateless MCP server the session id in it too. */
    static final String MCP_SESSION_HEADER = "Mcp-Session-Id";

    private final Path configFile;
    private final String agentName;
    private final Protocol protocol;
    private final BuildLog log;
    private final AnswerTimeouts timeouts;

    /**
     * @param configFile the {@code .bedrock_agentcore.yaml} that keeps the agent's session id
     * @param agentName the agent whose entry keeps the session id
     * @param protocol the agent's protocol: an MCP server also gets the session id as {@value #MCP_SESSION_HEADER}
     * @param timeouts how long to wait for each part of the answer and for all of it
     */
    public Invoker(Path configFile, String agentName, Protocol protocol, BuildLog log, AnswerTimeouts timeouts) {
        this.configFile = configFile;
        this.agentName = agentName;
        this.protocol = protocol;
        this.log = log;
        this.timeouts = timeouts;
    }

    /**
     * @param givenSessionId the session id to use, or {@code null} to reuse the kept one or start one
     * @param newSession whether to start a new session even though one is kept
     * @param out receives the answer line by line (events as they arrive)
     * @param outputFile also receives the answer, or {@code null}
     * @throws InvocationFailedException when the agent cannot be reached, answers 4xx/5xx or takes too long; the
     *     kept session id then stays as it was
     */
    public void invoke(AgentEndpoint endpoint, String payload, String givenSessionId, boolean newSession,
            Map<String, String> headers, Consumer<String> out, Path outputFile)
            throws IOException, InterruptedException {
        AgentEntry entry = AgentEntry.read(configFile, agentName);
        Optional<String> kept = entry.sessionId();
        String sessionId = InvocationInputs.sessionId(givenSessionId, newSession, kept);
        log.info("Invoking " + endpoint.describe() + " (session " + sessionId + ")");
        Map<String, String> requestHeaders = new LinkedHashMap<>(headers);
        if (protocol == Protocol.MCP) {
            requestHeaders.putIfAbsent(MCP_SESSION_HEADER, sessionId);
        }
        long started = System.nanoTime();
        try (InvocationResponse sent = endpoint.send(new InvocationRequest(payload, sessionId, requestHeaders));
                InvocationResponse response = new InvocationResponse(sent.statusCode(), sent.contentType(),
                        timeouts.watch(sent.body(), started))) {
            if (sent.traceId() != null) {
                log.info("Trace id: " + sent.traceId());
            }
            if (outputFile == null) {
                ResponsePrinter.print(response, out);
            } else {
                printToFileToo(response, out, outputFile);
            }
        }
        keepSession(entry, kept, sessionId);
    }

    private void keepSession(AgentEntry entry, Optional<String> kept, String sessionId) {
        if (kept.filter(sessionId::equals).isPresent()) {
            return;
        }
        if (entry.exists()) {
            entry.sessionId(sessionId);
            entry.save();
        } else {
            log.info("The session id is not kept: " + configFile + " has no agent " + agentName
                    + " (run agentcore:configure to keep sessions between invocations)");
        }
    }

    private void printToFileToo(InvocationResponse response, Consumer<String> out, Path outputFile)
            throws IOException {
        Path directory = outputFile.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        try (BufferedWriter file = Files.newBufferedWriter(outputFile, StandardCharsets.UTF_8)) {
            ResponsePrinter.print(response, line -> {
                out.accept(line);
                try {
                    file.write(line);
                    file.newLine();
                    file.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot write " + outputFile, e);
                }
            });
        }
        log.info("Wrote the answer to " + outputFile);
    }
}
