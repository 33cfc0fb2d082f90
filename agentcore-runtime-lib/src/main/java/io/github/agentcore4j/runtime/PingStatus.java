package io.github.agentcore4j.runtime;

/** What {@code GET /ping} reports to AgentCore Runtime. */
public enum PingStatus {
    /** Ready for new work; an idle session may be reclaimed after the idle timeout. */
    HEALTHY("Healthy"),
    /** Working on background tasks; the platform keeps the session alive. */
    HEALTHY_BUSY("HealthyBusy");

    private final String wireValue;

    PingStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value on the wire: {@code Healthy} or {@code HealthyBusy}. */
    public String wireValue() {
        return wireValue;
    }
}
