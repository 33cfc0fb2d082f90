package io.github.agentcore4j.maven.core.local;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;

/** The {@code port} setting, checked before anything tries to listen on or connect to it. */
public final class TcpPort {

    private static final int MAX = 65535;

    private TcpPort() {
    }

    /** @throws InvalidSettingException naming {@code port} when it is outside 1..65535 */
    public static int require(int port) {
        if (port < 1 || port > MAX) {
            throw new InvalidSettingException(PropertyNames.PORT, port + " is not a TCP port",
                    "use a port from 1 to " + MAX + ", e.g. 8080");
        }
        return port;
    }
}
