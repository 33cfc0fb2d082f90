package io.github.agentcore4j.maven.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import org.junit.jupiter.api.Test;

class TcpPortTest {

    @Test
    void aPortOutsideTheTcpRangeIsRefusedNamingTheSetting() {
        assertEquals(8080, TcpPort.require(8080));
        assertEquals("Invalid setting <port> (-Dagentcore.port): 70000 is not a TCP port. Fix: use a port from 1 to "
                + "65535, e.g. 8080.", assertThrows(InvalidSettingException.class, () -> TcpPort.require(70000))
                .getMessage());
        assertThrows(InvalidSettingException.class, () -> TcpPort.require(0));
    }
}
