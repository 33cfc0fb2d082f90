package io.github.agentcore4j.it.local;

import static io.github.agentcore4j.it.local.LocalAgents.awaitLog;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FreePort;
import io.github.agentcore4j.it.support.JavaAgents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code run-local -Dagentcore.runLocal.traces=true} with the real upstream OpenTelemetry Java agent: the agent
 * exports OTLP/HTTP to the goal's receiver, which decodes the spans with opentelemetry-proto and prints a tree per
 * invocation. Each tree must hold the library's invocation span with the session id invoke sent, for HTTP,
 * streaming and MCP calls, and invoke must print the trace id the agent answered with.
 */
class LocalTracesTest {

    private static final Pattern SESSION = Pattern.compile("\\(session ([^)]+)\\)");
    private static final Pattern TRACE_ID = Pattern.compile("Trace id: ([0-9a-f]{32})");

    @Test
    void httpAndStreamingInvocationsPrintSpanTreesWithTheirSession() throws Exception {
        FixtureProject project = FixtureProject.copy("local-agent", "traces-http");
        int port = FreePort.pick();
        // As AgentCore Runtime does, replace the recipe's resource attributes: the runtime library, loaded as the
        // Java agent's extension, must still mark the spans for the AgentCore dashboards.
        Process runLocal = runLocal(project, port, "local_echo_agent", "HTTP",
                "-Dagentcore.environment=OTEL_RESOURCE_ATTRIBUTES=cloud.platform=aws_bedrock_agentcore");
        try {
            String plain = project.maven("agentcore:invoke", "-Dagentcore.invoke.prompt=Hello").assertSuccess().log();
            String streamed = project.maven("agentcore:invoke",
                    "-Dagentcore.invoke.payload={\"prompt\":\"Hi\",\"stream\":true}").assertSuccess().log();

            awaitTree(project, runLocal, plain, "POST /invocations  ");
            assertTrue(LocalAgents.read(project.file("run-local.log")).contains(", service.name=local_echo_agent, "
                    + "aws.service.type=gen_ai_agent)"), "the resource in the trace heading");
            awaitTree(project, runLocal, streamed, "POST /invocations (stream)  ");
        } finally {
            LocalAgents.stopRunLocal(runLocal, project);
        }
    }

    @Test
    void mcpToolCallsPrintSpanTreesWithTheirSession() throws Exception {
        FixtureProject project = FixtureProject.copyExample("mcp-server", "traces-mcp");
        int port = FreePort.pick();
        Process runLocal = runLocal(project, port, "mcp_server", "MCP");
        try {
            String call = project.maven("agentcore:invoke", "-Dagentcore.invoke.mcpTool=add",
                    "-Dagentcore.invoke.mcpArguments={\"a\":2,\"b\":3}").assertSuccess().log();

            awaitTree(project, runLocal, call, "MCP tools/call  ");
        } finally {
            LocalAgents.stopRunLocal(runLocal, project);
        }
    }

    /**
     * Waits for the run-local log to show the invocation's trace: its heading with the trace id invoke printed, and
     * the library's span, named {@code spanName}, with the session invoke used.
     */
    private static void awaitTree(FixtureProject project, Process runLocal, String invokeLog, String spanName)
            throws InterruptedException {
        String session = group(SESSION, invokeLog);
        String traceId = group(TRACE_ID, invokeLog);
        Path log = project.file("run-local.log");
        awaitLog(log, "[trace] " + traceId + " (", runLocal);
        Pattern span = Pattern.compile(Pattern.quote(spanName) + "[0-9.]+ ms[^\\n]*" + Pattern.quote("session.id="
                + session));
        LocalAgents.await("a span tree with " + spanName + "and session " + session,
                () -> span.matcher(LocalAgents.read(log)).find());
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), pattern + " in\n" + text);
        return matcher.group(1);
    }

    private static Process runLocal(FixtureProject project, int port, String agentName, String protocol,
            String... more) throws InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("-Dagentcore.runLocal.traces=true",
                "-Dagentcore.observabilityAgent=" + JavaAgents.UPSTREAM));
        arguments.addAll(List.of(more));
        return LocalAgents.runLocal(project, port, agentName, protocol, arguments.toArray(String[]::new));
    }
}
