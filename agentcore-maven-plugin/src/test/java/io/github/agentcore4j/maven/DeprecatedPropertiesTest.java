package io.github.agentcore4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** The 0.1.0 property names still set the renamed parameters, with one warning each, and never override new ones. */
class DeprecatedPropertiesTest {

    /** Stands for a goal: two renamed parameters, one String and one boolean. */
    static class Goal {
        private String prompt;
        private boolean local;
    }

    private final List<String> warnings = new ArrayList<>();
    private final SystemStreamLog log = new SystemStreamLog() {
        @Override
        public void warn(CharSequence content) {
            warnings.add(content.toString());
        }
    };

    @Test
    void anOldNameSetsTheParameterAndWarnsNamingOldAndNew() throws Exception {
        Goal goal = new Goal();
        DeprecatedProperties.apply(goal, execution(null), log,
                properties("agentcore.prompt", "Hello", "agentcore.local", "true"));
        assertEquals("Hello", goal.prompt);
        assertTrue(goal.local);
        assertTrue(warnings.contains("The property agentcore.prompt is deprecated and will be removed in 0.3.0: use "
                + "agentcore.invoke.prompt"), warnings.toString());
        assertEquals(2, warnings.size(), warnings.toString());
    }

    @Test
    void theNewNameWins() throws Exception {
        Goal goal = new Goal();
        goal.prompt = "from the new name";
        DeprecatedProperties.apply(goal, execution(null), log, properties("agentcore.invoke.prompt",
                "from the new name"), properties("agentcore.prompt", "Hello"));
        assertEquals("from the new name", goal.prompt);
        assertEquals(1, warnings.size());
    }

    @Test
    void thePomsConfigurationWins() throws Exception {
        Goal goal = new Goal();
        goal.prompt = "from the POM";
        DeprecatedProperties.apply(goal, execution("from the POM"), log, properties("agentcore.prompt", "Hello"));
        assertEquals("from the POM", goal.prompt);
    }

    @Test
    void nothingHappensWithoutOldNames() throws Exception {
        Goal goal = new Goal();
        DeprecatedProperties.apply(goal, execution(null), log, properties("agentcore.invoke.prompt", "Hi"), null);
        assertNull(goal.prompt);
        assertFalse(goal.local);
        assertTrue(warnings.isEmpty());
    }

    @Test
    void aGoalThatDoesNotReadTheSettingNeitherWarnsNorSetsIt() throws Exception {
        Goal goal = new Goal();
        MojoDescriptor stop = new MojoDescriptor();
        stop.setGoal("stop");
        DeprecatedProperties.apply(goal, new MojoExecution(stop), log, properties("agentcore.prompt", "Hello"));
        assertNull(goal.prompt);
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    /** invoke's descriptor for the two parameters, and its configuration (prompt given in the POM or not). */
    private static MojoExecution execution(String pomPrompt) throws Exception {
        MojoDescriptor descriptor = new MojoDescriptor();
        descriptor.setGoal("invoke");
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        for (String[] parameter : new String[][] {{"prompt", "agentcore.invoke.prompt"},
                {"local", "agentcore.invoke.local"}}) {
            Parameter declared = new Parameter();
            declared.setName(parameter[0]);
            declared.setExpression("${" + parameter[1] + "}");
            descriptor.addParameter(declared);
            Xpp3Dom entry = new Xpp3Dom(parameter[0]);
            entry.setValue(parameter[0].equals("prompt") && pomPrompt != null ? pomPrompt : declared.getExpression());
            configuration.addChild(entry);
        }
        MojoExecution execution = new MojoExecution(descriptor);
        execution.setConfiguration(configuration);
        return execution;
    }

    private static Properties properties(String... entries) {
        Properties properties = new Properties();
        for (int i = 0; i < entries.length; i += 2) {
            properties.setProperty(entries[i], entries[i + 1]);
        }
        return properties;
    }
}
