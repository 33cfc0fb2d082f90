package io.github.agentcore4j.maven.core.observability;

import io.github.agentcore4j.maven.core.local.LaunchSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A local agent launched under the OpenTelemetry Java agent, exporting to a loopback OTLP receiver. */
public final class LocalTracing {

    /** Exports every 200 ms instead of every 5 s, so a trace shows right after its invocation. */
    static final String EXPORT_DELAY_MILLIS = "200";

    private LocalTracing() {
    }

    /**
     * The launch with the Java agent attached, the OpenTelemetry API jars on the classpath and the recipe's
     * environment pointing at {@code otlpEndpoint}. Variables the user set for the agent win.
     */
    public static LaunchSpec traced(LaunchSpec spec, JavaAgentRecipe.Jars jars, String otlpEndpoint) {
        List<String> jvmArguments = new ArrayList<>();
        jvmArguments.add(JavaAgentRecipe.javaAgentOption(jars.agent().toString()));
        jvmArguments.addAll(spec.jvmArguments());
        List<Path> classpath = new ArrayList<>(spec.classpath());
        classpath.addAll(jars.libraries());
        Map<String, String> environment = new LinkedHashMap<>(JavaAgentRecipe.environment());
        if (jars.extension() != null) {
            environment.put(JavaAgentRecipe.EXTENSIONS, jars.extension().toString());
        }
        environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", otlpEndpoint);
        environment.put("OTEL_SERVICE_NAME", spec.agentName());
        environment.put("OTEL_BSP_SCHEDULE_DELAY", EXPORT_DELAY_MILLIS);
        // As agentcore dev does, so model calls show their prompts and answers in the local trace view.
        environment.put("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "true");
        environment.putAll(spec.environment());
        return new LaunchSpec(spec.agentName(), spec.javaExecutable(), classpath, spec.mainClass(), spec.protocol(),
                spec.port(), jvmArguments, environment, spec.workingDirectory());
    }
}
