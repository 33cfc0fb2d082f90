package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForwardableHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"traceparent", "baggage", "X-Api-Key", "x-request-source", "Authorization",
            "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", "x-amz-bedrock-agentcore-identity-wat",
            "WorkloadAccessToken"})
    void forwards(String header) {
        assertTrue(ForwardableHeaders.isForwardable(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type", "host", "Cookie", "Accept", "Connection", "X-Forwarded-For",
            "x-amz-date", "X-Amz-Security-Token", "X-Amzn-Trace-Id", "x-amzn-bedrock-agentcore-runtime-session-id",
            "Sec-WebSocket-Key", ":path", "Proxy-Authorization"})
    void withholds(String header) {
        assertFalse(ForwardableHeaders.isForwardable(header), header);
    }
}
