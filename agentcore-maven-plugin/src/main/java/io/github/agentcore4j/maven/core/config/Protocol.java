package io.github.agentcore4j.maven.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The server protocol an agent speaks, as AgentCore Runtime names it ({@code server_protocol} in
 * {@code .bedrock_agentcore.yaml}, {@code serverProtocol} in the control plane API), with the port the runtime
 * contract fixes for it.
 */
public enum Protocol {
    HTTP(8080),
    MCP(8000),
    A2A(9000),
    /** AG-UI: {@code POST /invocations} streams AG-UI events, on the HTTP port. */
    AGUI(8080);

    private final int port;

    Protocol(int port) {
        this.port = port;
    }

    /** The port AgentCore Runtime sends requests to for this protocol. */
    public int port() {
        return port;
    }

    /** Whether the agent answers on {@code /invocations} and {@code /ping}, as HTTP and AG-UI agents do. */
    public boolean servesInvocations() {
        return this == HTTP || this == AGUI;
    }

    /**
     * Parses the {@code protocol} setting, ignoring case.
     *
     * @throws InvalidSettingException naming the setting when the value is not a protocol
     */
    public static Protocol fromSetting(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (Protocol protocol : values()) {
            if (protocol.name().equals(normalized)) {
                return protocol;
            }
        }
        throw new InvalidSettingException(PropertyNames.PROTOCOL,
                "'" + value + "' is not a protocol AgentCore Runtime serves",
                "use one of " + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
