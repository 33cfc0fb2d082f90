package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.logging.Log;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Keeps the 0.1.0 property names ({@link PropertyNames#DEPRECATED}) working for one release. Maven injects a parameter
 * from its new property only, so before a goal runs this looks for each old name in the build's properties (command
 * line, system, then the POM's {@code <properties>}); for one that is set and read by this goal it logs a deprecation
 * warning naming old and new, and, when neither the new property nor the POM's plugin {@code <configuration>} sets
 * the parameter, sets it from the old property. Every renamed parameter is a
 * {@code String} or a {@code boolean}, so no other conversion is needed.
 */
final class DeprecatedProperties {

    private DeprecatedProperties() {
    }

    /**
     * @param mojo the goal about to run, whose parameters may be set
     * @param properties the build's properties, in Maven's order of precedence
     */
    static void apply(Object mojo, MojoExecution execution, Log log, Properties... properties) {
        for (Map.Entry<String, String> rename : PropertyNames.DEPRECATED.entrySet()) {
            String oldName = rename.getKey();
            String newName = rename.getValue();
            String value = lookup(oldName, properties);
            if (value == null) {
                continue;
            }
            if (!hasParameter(execution, newName)) {
                continue; // the goal that reads it warns; `start invoke stop` warns once, not three times
            }
            log.warn("The property " + oldName + " is deprecated and will be removed in 0.3.0: use " + newName);
            if (lookup(newName, properties) == null && isUnconfigured(execution, newName)) {
                set(mojo, PropertyNames.parameterOf(newName), value);
            }
        }
    }

    private static String lookup(String name, Properties... properties) {
        for (Properties candidates : properties) {
            String value = candidates == null ? null : candidates.getProperty(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Whether the goal has the parameter the property sets. */
    private static boolean hasParameter(MojoExecution execution, String property) {
        Parameter parameter = execution.getMojoDescriptor().getParameterMap().get(PropertyNames.parameterOf(property));
        return parameter != null;
    }

    /** Whether the POM's plugin configuration leaves the parameter the property sets to the property. */
    private static boolean isUnconfigured(MojoExecution execution, String property) {
        String name = PropertyNames.parameterOf(property);
        Xpp3Dom configured = execution.getConfiguration() == null ? null
                : execution.getConfiguration().getChild(name);
        return configured == null || configured.getValue() == null
                || configured.getValue().equals("${" + property + "}");
    }

    private static void set(Object mojo, String parameter, String value) {
        for (Class<?> type = mojo.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(parameter);
                field.setAccessible(true);
                field.set(mojo, field.getType() == boolean.class ? Boolean.parseBoolean(value.trim()) : value);
                return;
            } catch (NoSuchFieldException e) {
                // declared by a superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot set " + parameter, e);
            }
        }
        throw new IllegalStateException(mojo.getClass().getName() + " has no field " + parameter);
    }
}
