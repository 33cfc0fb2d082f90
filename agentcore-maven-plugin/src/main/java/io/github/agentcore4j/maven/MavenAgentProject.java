package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.AgentCoreException;
import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.MainClassDetector;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.image.GitRevision;
import io.github.agentcore4j.maven.core.image.ImageBuildRequest;
import io.github.agentcore4j.maven.core.image.JavaApplication;
import io.github.agentcore4j.maven.core.image.RegistryCredential;
import io.github.agentcore4j.maven.core.local.LocalAgentState;
import io.github.agentcore4j.maven.core.observability.JavaAgentRecipe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * Everything a goal needs from Maven, in one object the mojos compose (as Jib's {@code MavenProjectProperties} does):
 * the project's directories, classpath and coordinates, the build's properties, settings.xml credentials, artifact
 * resolution, the log, and whether the goal runs at all here. The mojos keep only their parameters and call the
 * core with what this gives them.
 */
final class MavenAgentProject {

    private static final Set<String> RUNTIME_SCOPES =
            Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME, Artifact.SCOPE_SYSTEM);

    private final MavenProject project;
    private final MavenSession session;
    private final MojoExecution execution;
    private final Log log;
    private final RepositorySystem repositorySystem;
    private final SettingsDecrypter settingsDecrypter;
    private final BuildLog buildLog;

    MavenAgentProject(MavenProject project, MavenSession session, MojoExecution execution, Log log,
            RepositorySystem repositorySystem, SettingsDecrypter settingsDecrypter) {
        this.project = project;
        this.session = session;
        this.execution = execution;
        this.log = log;
        this.repositorySystem = repositorySystem;
        this.settingsDecrypter = settingsDecrypter;
        this.buildLog = new MojoBuildLog(log);
    }

    /** The goal's name, e.g. {@code deploy}. */
    String goal() {
        return execution.getGoal();
    }

    /** The core's view of Maven's log. */
    BuildLog buildLog() {
        return buildLog;
    }

    String artifactId() {
        return project.getArtifactId();
    }

    String version() {
        return project.getVersion();
    }

    Path basedir() {
        return project.getBasedir().toPath();
    }

    /** The project's compiled classes, normally {@code target/classes}. */
    Path classesDirectory() {
        return Path.of(project.getBuild().getOutputDirectory());
    }

    /** Where goals keep their outputs and state: {@code target/agentcore}. */
    Path agentCoreDirectory() {
        return Path.of(project.getBuild().getDirectory(), "agentcore");
    }

    /** Where run-local and start record the running agent: {@code target/agentcore/local-agent.properties}. */
    Path localStateFile() {
        return LocalAgentState.fileIn(agentCoreDirectory());
    }

    /** This plugin's version, recorded in images and tags. */
    String pluginVersion() {
        return execution.getMojoDescriptor().getPluginDescriptor().getVersion();
    }

    boolean isOffline() {
        return session.isOffline();
    }

    /** Whether the build may ask the user (not -B, not CI). */
    boolean isInteractive() {
        return session.getSettings().isInteractiveMode();
    }

    /** A build property: the command line's, else the system's. Used for values kept out of parameters. */
    String property(String name) {
        return session.getUserProperties().getProperty(name, session.getSystemProperties().getProperty(name));
    }

    /** Sets a project property, e.g. for Failsafe's {@code systemPropertyVariables}. */
    void setProjectProperty(String name, String value) {
        project.getProperties().setProperty(name, value);
    }

    /** Applies the 0.1.0 property names the build still uses to the goal's parameters. */
    void applyDeprecatedProperties(Object mojo) {
        DeprecatedProperties.apply(mojo, execution, log, session.getUserProperties(), session.getSystemProperties(),
                project.getProperties());
    }

    /**
     * Why the goal does nothing here, or {@code null} when it runs: {@code skip}, pom packaging, or a module of a
     * multi-module build that is not an agent (a goal given on the command line runs in every module, e.g.
     * {@code mvn -pl agent -am compile agentcore:build}, and the library modules beside the agent must not fail it).
     */
    String reasonToSkip(boolean skip, String configuredMainClass) {
        if (skip) {
            return "because " + PropertyNames.SKIP + "=true";
        }
        if ("pom".equals(project.getPackaging())) {
            return "because the project has pom packaging";
        }
        if (session == null || session.getProjects().size() < 2) {
            return null;
        }
        String pluginKey = execution.getMojoDescriptor().getPluginDescriptor().getPluginLookupKey();
        if (project.getBuildPlugins().stream().noneMatch(plugin -> pluginKey.equals(plugin.getKey()))) {
            return "in " + artifactId() + ": the module does not declare agentcore-maven-plugin";
        }
        if ((configuredMainClass == null || configuredMainClass.isBlank())
                && !MainClassDetector.hasMainClass(classesDirectory())) {
            return "in " + artifactId() + ": the module has no main class in " + classesDirectory() + " (set "
                    + PropertyNames.MAIN_CLASS + " if it is the agent)";
        }
        return null;
    }

    /** The runtime classpath, resolved by Maven for goals that declare runtime resolution. */
    List<Path> runtimeClasspath() {
        try {
            return project.getRuntimeClasspathElements().stream().map(Path::of).toList();
        } catch (DependencyResolutionRequiredException e) {
            throw new AgentCoreException(AgentCoreException.Kind.ERROR, "The runtime classpath is not resolved: "
                    + e.getMessage(), e);
        }
    }

    /** Whether the runtime classpath has the artifact, in any version. */
    boolean hasRuntimeDependency(String groupId, String artifactId) {
        return project.getArtifacts().stream().anyMatch(artifact -> artifact.getGroupId().equals(groupId)
                && artifact.getArtifactId().equals(artifactId) && RUNTIME_SCOPES.contains(artifact.getScope()));
    }

    /** The agent as an application for the image: its main class, classes, release and snapshot jars. */
    JavaApplication application(String mainClass) {
        List<Path> releases = new ArrayList<>();
        List<Path> snapshots = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (artifact.getFile() != null && artifact.getArtifactHandler().isAddedToClasspath()
                    && RUNTIME_SCOPES.contains(artifact.getScope())) {
                (artifact.isSnapshot() ? snapshots : releases).add(artifact.getFile().toPath());
            }
        }
        return new JavaApplication(mainClass, classesDirectory(), releases, snapshots);
    }

    /**
     * The image's OCI labels from the project (title, version, source) and the revision: the given one, else the
     * Git commit checked out around the project.
     */
    void labelImage(ImageBuildRequest.Builder request, String revision) {
        request.label("org.opencontainers.image.title", project.getArtifactId())
                .label("org.opencontainers.image.version", project.getVersion())
                .label("org.opencontainers.image.source",
                        project.getScm() != null && project.getScm().getUrl() != null
                                ? project.getScm().getUrl() : project.getUrl())
                .label("org.opencontainers.image.revision",
                        revision != null ? revision : GitRevision.of(basedir()).orElse(null));
    }

    /** The decrypted password of the settings.xml server with this id (e.g. an API key), when it has one. */
    Optional<String> serverPassword(String serverId) {
        Server server = session.getSettings().getServer(serverId);
        if (server == null) {
            return Optional.empty();
        }
        Server plain = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server)).getServer();
        return Optional.ofNullable(plain == null ? null : plain.getPassword()).filter(password -> !password.isBlank());
    }

    /** Every settings.xml server with a user name and password, keyed by id, which must be the registry host. */
    void addRegistryCredentials(ImageBuildRequest.Builder request) {
        for (Server server : session.getSettings().getServers()) {
            SettingsDecryptionResult decrypted =
                    settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : decrypted.getProblems()) {
                log.debug("settings.xml server " + server.getId() + ": " + problem.getMessage());
            }
            Server plain = decrypted.getServer();
            if (plain != null && plain.getUsername() != null && plain.getPassword() != null) {
                request.credential(plain.getId(), new RegistryCredential(plain.getUsername(), plain.getPassword(),
                        "settings.xml <server> " + plain.getId()));
            }
        }
    }

    /**
     * The OpenTelemetry Java agent jar and the API jars the project lacks, resolved through Maven.
     *
     * @throws io.github.agentcore4j.maven.core.config.InvalidSettingException naming observabilityAgent when they
     *     cannot be resolved
     */
    JavaAgentRecipe.Jars observabilityJars(String agentCoordinates) {
        RepositorySystemSession repositorySession = session.getRepositorySession();
        return ObservabilityArtifacts.resolve(agentCoordinates, project, repositorySystem, repositorySession);
    }
}
