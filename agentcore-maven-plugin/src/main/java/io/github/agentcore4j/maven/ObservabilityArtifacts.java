package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.observability.JavaAgentRecipe;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Resolves the OpenTelemetry jars through Maven, like any dependency (same repositories, mirrors and local
 * repository): the Java agent named by {@code observabilityAgent}, and the OpenTelemetry API with its dependencies
 * unless the project already has the API on its runtime classpath.
 */
final class ObservabilityArtifacts {

    private ObservabilityArtifacts() {
    }

    static JavaAgentRecipe.Jars resolve(String agentCoordinates, MavenProject project, RepositorySystem system,
            RepositorySystemSession session) {
        Artifact agent = agentArtifact(agentCoordinates);
        try {
            Path agentJar = system.resolveArtifact(session,
                    new ArtifactRequest(agent, project.getRemoteProjectRepositories(), null))
                    .getArtifact().getFile().toPath();
            return new JavaAgentRecipe.Jars(agentJar, hasApi(project) ? List.of() : api(project, system, session),
                    runtimeLibrary(project));
        } catch (ArtifactResolutionException | DependencyResolutionException e) {
            throw new InvalidSettingException(PropertyNames.OBSERVABILITY_AGENT,
                    agentCoordinates + " (or " + JavaAgentRecipe.API + ") cannot be resolved: " + e.getMessage(),
                    "name an OpenTelemetry Java agent your repositories serve, e.g. "
                            + "io.opentelemetry.javaagent:opentelemetry-javaagent:2.31.1, or set "
                            + "-Dagentcore.observability=false");
        }
    }

    private static Artifact agentArtifact(String coordinates) {
        String[] parts = coordinates == null ? new String[0] : coordinates.trim().split(":");
        if (parts.length != 3 || List.of(parts).stream().anyMatch(String::isBlank)) {
            throw new InvalidSettingException(PropertyNames.OBSERVABILITY_AGENT, "'" + coordinates
                    + "' is not groupId:artifactId:version", "write it as e.g. " + JavaAgentRecipe.DEFAULT_AGENT);
        }
        return new DefaultArtifact(parts[0], parts[1], "jar", parts[2]);
    }

    private static boolean hasApi(MavenProject project) {
        return dependency(project, "io.opentelemetry", "opentelemetry-api") != null;
    }

    /** The agentcore4j runtime library's jar, or {@code null} when the agent does not use it. */
    private static Path runtimeLibrary(MavenProject project) {
        return dependency(project, "io.github.agentcore4j", "agentcore-runtime-lib");
    }

    private static Path dependency(MavenProject project, String groupId, String artifactId) {
        return project.getArtifacts().stream()
                .filter(artifact -> groupId.equals(artifact.getGroupId()) && artifactId.equals(artifact.getArtifactId())
                        && artifact.getFile() != null)
                .map(artifact -> artifact.getFile().toPath()).findFirst().orElse(null);
    }

    private static List<Path> api(MavenProject project, RepositorySystem system, RepositorySystemSession session)
            throws DependencyResolutionException {
        CollectRequest collect = new CollectRequest(new Dependency(new DefaultArtifact(JavaAgentRecipe.API), "runtime"),
                project.getRemoteProjectRepositories());
        return system.resolveDependencies(session, new DependencyRequest(collect, null)).getArtifactResults().stream()
                .map(ArtifactResult::getArtifact).map(artifact -> artifact.getFile().toPath()).toList();
    }
}
