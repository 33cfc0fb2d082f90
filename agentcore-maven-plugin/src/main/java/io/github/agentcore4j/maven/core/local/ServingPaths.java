package io.github.agentcore4j.maven.core.local;

import io.github.agentcore4j.maven.core.config.RuntimeOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The custom invocation and warmup paths a local agent is started with, so run-local and start serve on the same
 * routes deploy configures: system properties for a forked JVM, environment variables for a container. Only custom
 * values are passed; unset, the runtime library keeps its protocol's defaults.
 */
public final class ServingPaths {

    static final String INVOCATION_PATH_PROPERTY = "agentcore.invocationPath";
    static final String WARMUP_PATH_PROPERTY = "agentcore.warmupPath";
    /** The variable a container agent reads its invocation path from. */
    public static final String INVOCATION_PATH_VARIABLE = "AGENTCORE_INVOCATION_PATH";
    static final String WARMUP_PATH_VARIABLE = "AGENTCORE_WARMUP_PATH";
    static final String PORT_VARIABLE = "AGENTCORE_PORT";

    private ServingPaths() {
    }

    /** {@code -D} options for a forked agent JVM. */
    public static List<String> systemProperties(RuntimeOptions runtime) {
        List<String> options = new ArrayList<>();
        paths(runtime, INVOCATION_PATH_PROPERTY, WARMUP_PATH_PROPERTY)
                .forEach((name, value) -> options.add("-D" + name + "=" + value));
        return options;
    }

    /** Variables for an agent in a container, which listens on {@code containerPort}. */
    public static Map<String, String> environment(RuntimeOptions runtime, int containerPort) {
        Map<String, String> variables = paths(runtime, INVOCATION_PATH_VARIABLE, WARMUP_PATH_VARIABLE);
        if (runtime.port() != null) {
            variables.put(PORT_VARIABLE, Integer.toString(containerPort));
        }
        return variables;
    }

    private static Map<String, String> paths(RuntimeOptions runtime, String invocationName, String warmupName) {
        Map<String, String> values = new LinkedHashMap<>();
        if (runtime.invocationPath() != null) {
            values.put(invocationName, runtime.invocationPath());
        }
        if (!RuntimeOptions.DEFAULT_WARMUP_PATH.equals(runtime.warmupPath())) {
            values.put(warmupName, runtime.warmupPath());
        }
        return values;
    }
}
