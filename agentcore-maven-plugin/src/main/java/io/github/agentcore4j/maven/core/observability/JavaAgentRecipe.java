package io.github.agentcore4j.maven.core.observability;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a Java agent is traced for AgentCore observability (AWS's recipe for Java): the OpenTelemetry Java agent
 * attached to the JVM, OTLP over HTTP with protobuf, traces only (metrics off; logs go to CloudWatch from stdout,
 * and over OTLP only once deploy has set their endpoint), every span sampled unless the caller's trace says no, the
 * resource attribute the "Bedrock AgentCore" dashboard filters on, and without the instrumentations that only add
 * noise in a microVM.
 */
public final class JavaAgentRecipe {

    /** Where the image keeps the agent jar; the path does not depend on the version, so neither does the entrypoint. */
    public static final String AGENT_PATH_IN_IMAGE = "/opt/opentelemetry/opentelemetry-javaagent.jar";
    /** Where the image keeps the OpenTelemetry API the runtime library's invocation spans need: on the classpath. */
    public static final String LIBRARY_DIRECTORY_IN_IMAGE = "/app/libs";
    /** The resource attribute that puts an agent's traces in CloudWatch's "Bedrock AgentCore" view. */
    public static final String SERVICE_TYPE = "aws.service.type=gen_ai_agent";
    /** The default agent: the AWS distro, which also signs its exports to X-Ray and CloudWatch Logs. */
    public static final String DEFAULT_AGENT = "software.amazon.opentelemetry:aws-opentelemetry-agent:2.26.2";
    /** The OpenTelemetry API added to the classpath when the project has none, so invocations are spans. */
    public static final String API = "io.opentelemetry:opentelemetry-api:1.68.0";
    /** The agent's setting for its extension jars. */
    public static final String EXTENSIONS = "OTEL_JAVAAGENT_EXTENSIONS";

    private JavaAgentRecipe() {
    }

    /** The JVM option that attaches the agent jar at {@code agentJar}. */
    public static String javaAgentOption(String agentJar) {
        return "-javaagent:" + agentJar;
    }

    /** The {@code OTEL_*} variables of a traced agent, wherever it runs. */
    public static Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        variables.put("OTEL_TRACES_EXPORTER", "otlp");
        variables.put("OTEL_METRICS_EXPORTER", "none");
        variables.put("OTEL_LOGS_EXPORTER", "none");
        variables.put("OTEL_TRACES_SAMPLER", "parentbased_always_on");
        variables.put("OTEL_RESOURCE_ATTRIBUTES", SERVICE_TYPE);
        // Calls to the microVM's metadata service would each be a span.
        variables.put("OTEL_INSTRUMENTATION_HTTP_URL_CONNECTION_ENABLED", "false");
        // The AWS distro's Application Signals metrics are not part of AgentCore observability.
        variables.put("OTEL_AWS_APPLICATION_SIGNALS_ENABLED", "false");
        return variables;
    }

    /**
     * The image's environment: the agent attached through {@code JAVA_TOOL_OPTIONS}, the runtime library loaded as
     * its extension when the image has it, then {@link #environment()}.
     */
    public static Map<String, String> imageEnvironment(Jars jars) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("JAVA_TOOL_OPTIONS", javaAgentOption(AGENT_PATH_IN_IMAGE));
        if (jars.extension() != null) {
            variables.put(EXTENSIONS, LIBRARY_DIRECTORY_IN_IMAGE + "/" + jars.extension().getFileName());
        }
        variables.putAll(environment());
        return variables;
    }

    /**
     * The jars that trace an agent.
     *
     * @param agent the Java agent
     * @param libraries the OpenTelemetry API jars to add to the classpath (empty when the application has its own)
     * @param extension the runtime library's jar, which the agent loads as an extension for the resource attribute
     *        AgentCore's injected {@code OTEL_RESOURCE_ATTRIBUTES} would drop; {@code null} without the library
     */
    public record Jars(Path agent, List<Path> libraries, Path extension) {
        public Jars {
            libraries = List.copyOf(libraries);
        }
    }
}
