package io.github.agentcore4j.examples.echo;

import io.github.agentcore4j.runtime.AgentCoreApp;
import io.github.agentcore4j.runtime.RequestContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Echoes prompts back. It is also the project's contract fixture, so each payload field exercises one part of the
 * AgentCore contract:
 * <ul>
 *   <li>{@code {"prompt":"hi"}} answers {@code {"response":"echo: hi","sessionId":…}};</li>
 *   <li>{@code "stream":true} streams the prompt's words as Server-Sent Events, one per word;</li>
 *   <li>{@code "fail":"boom"} throws {@code boom} (500);</li>
 *   <li>{@code "sleep_ms":N} sleeps N ms before answering;</li>
 *   <li>{@code "background_ms":N} starts a tracked background task of N ms and answers at once
 *       ({@code /ping} says HealthyBusy meanwhile);</li>
 *   <li>{@code "context":true} returns the request context the agent saw.</li>
 * </ul>
 */
public final class EchoAgent {

    /** The answer to a background request; a record, so its JSON fields keep this order. */
    record Started(String started, long ms) {
    }

    private final AgentCoreApp app;

    private EchoAgent(AgentCoreApp app) {
        this.app = app;
    }

    public static void main(String[] args) {
        create().run();
    }

    /** The agent, ready to {@code run()} or {@code start()}. */
    public static AgentCoreApp create() {
        AgentCoreApp app = AgentCoreApp.create();
        // POST /warmup (sent by AgentCore V2 before its snapshot when deployed with agentcore.warmup) runs this.
        return app.entrypoint(Map.class, new EchoAgent(app)::answer).warmup(Map.of("prompt", "warm up"));
    }

    private Object answer(Map<?, ?> payload, RequestContext context) throws InterruptedException {
        if (payload.get("fail") != null) {
            throw new IllegalStateException(String.valueOf(payload.get("fail")));
        }
        if (payload.get("sleep_ms") instanceof Number sleep) {
            Thread.sleep(sleep.longValue());
        }
        if (payload.get("background_ms") instanceof Number background) {
            app.asyncTask("background", () -> {
                Thread.sleep(background.longValue());
                return null;
            });
            return new Started("background", background.longValue());
        }
        if (Boolean.TRUE.equals(payload.get("context"))) {
            return describe(context);
        }
        String prompt = String.valueOf(payload.get("prompt") == null ? "" : payload.get("prompt"));
        if (Boolean.TRUE.equals(payload.get("stream"))) {
            return Arrays.stream(prompt.trim().split("\\s+")).filter(word -> !word.isEmpty());
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("response", "echo: " + prompt);
        response.put("sessionId", context.sessionId());
        return response;
    }

    private static Map<String, Object> describe(RequestContext context) {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("sessionId", context.sessionId());
        seen.put("requestId", context.requestId());
        seen.put("workloadAccessToken", context.workloadAccessToken());
        seen.put("oauth2CallbackUrl", context.oauth2CallbackUrl());
        seen.put("authorization", context.authorization());
        seen.put("requestHeaders", context.requestHeaders());
        return seen;
    }
}
