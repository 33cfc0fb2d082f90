package io.github.agentcore4j.it.support;

/** The OpenTelemetry Java agent the tests trace with. */
public final class JavaAgents {

    /** The upstream agent, which our repositories serve (the AWS distro, the plugin's default, they do not). */
    public static final String UPSTREAM = "io.opentelemetry.javaagent:opentelemetry-javaagent:2.31.1";

    private JavaAgents() {
    }
}
