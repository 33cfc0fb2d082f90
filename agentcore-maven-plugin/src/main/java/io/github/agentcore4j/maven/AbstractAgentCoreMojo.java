package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

/**
 * The root of every agentcore goal: {@code skip}, and the run of a goal. The behaviour goals share is in
 * {@link MavenAgentProject} (Maven) and the core (everything else); the abstract levels below this class only group
 * parameters, so that each goal's reference lists the parameters it reads:
 * <ul>
 * <li>{@link AbstractAgentMojo}: the agent, its configuration file and its AWS account;</li>
 * <li>{@link AbstractDeployedAgentMojo}: the goals that work on a deployed runtime;</li>
 * <li>{@link AbstractImageMojo}: the goals that build the agent's image;</li>
 * <li>{@link AbstractServedAgentMojo}: the goals that run the agent (locally or deployed);</li>
 * <li>{@link AbstractLaunchMojo}: run-local and start; {@link AbstractRuntimeMojo}: configure and deploy.</li>
 * </ul>
 */
public abstract class AbstractAgentCoreMojo extends AbstractMojo {

    /** The name of {@code .bedrock_agentcore.yaml}, the configuration file the AWS toolkits share. */
    public static final String CONFIG_FILE_NAME = ".bedrock_agentcore.yaml";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    protected boolean skip;

    @Component
    private RepositorySystem repositorySystem;

    @Component
    private SettingsDecrypter settingsDecrypter;

    private MavenAgentProject maven;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        maven().applyDeprecatedProperties(this);
        String reasonToSkip = maven().reasonToSkip(skip, configuredMainClass());
        if (reasonToSkip != null) {
            getLog().info("Skipping agentcore:" + maven().goal() + " " + reasonToSkip);
            return;
        }
        try {
            doExecute();
        } catch (Exception e) {
            MavenFailures.rethrow(maven().goal(), e);
        }
    }

    /**
     * Does the goal's work. What it throws ({@link io.github.agentcore4j.maven.core.AgentCoreException}, AWS
     * failures, I/O failures, an interrupt) becomes Maven's exceptions in {@link MavenFailures}.
     */
    protected abstract void doExecute() throws IOException, InterruptedException;

    /** The main class the POM names, if the goal has the parameter; a module without one may be no agent. */
    protected String configuredMainClass() {
        return null;
    }

    /** The project, the build and the log, as the core needs them. */
    protected final MavenAgentProject maven() {
        if (maven == null) {
            maven = new MavenAgentProject(project, session, mojoExecution, getLog(), repositorySystem,
                    settingsDecrypter);
        }
        return maven;
    }

    /** The core's view of Maven's log. */
    protected final BuildLog buildLog() {
        return maven().buildLog();
    }

    /** Where goals keep their outputs and state: {@code target/agentcore}. */
    protected final Path agentCoreDirectory() {
        return maven().agentCoreDirectory();
    }
}
