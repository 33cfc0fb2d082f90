package io.github.agentcore4j.it.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import io.github.agentcore4j.it.aws.AwsStandIn;
import io.github.agentcore4j.it.image.LocalRegistry;
import io.github.agentcore4j.it.image.TinyBaseImages;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import io.github.agentcore4j.it.support.FixtureProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the deploy tests of one class share: a real registry with a tiny arm64 base image, and the AWS stand-in whose
 * ECR points at that registry. Fixture projects run real Maven with the stand-in's environment, so the plugin finds
 * it through the SDK's standard {@code AWS_ENDPOINT_URL}.
 */
final class DeployStage implements AutoCloseable {

    static final String FIXTURE = "deploy-agent";
    static final String CLASS_SOURCE = "src/main/java/com/example/deployagent/DeployAgent.java";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalRegistry registry;
    private final AwsStandIn aws;
    private final String baseImage;

    private DeployStage(LocalRegistry registry, AwsStandIn aws, String baseImage) {
        this.registry = registry;
        this.aws = aws;
        this.baseImage = baseImage;
    }

    static DeployStage start(String name) throws Exception {
        Path work = Paths.get(System.getProperty("it.work", "target/it")).resolve(name);
        LocalRegistry registry = LocalRegistry.start(work.resolve("registry"));
        try {
            String base = registry.address() + "/bases/tiny-java:1";
            TinyBaseImages.push(base, work.resolve("base"), Set.of(new Platform("arm64", "linux")));
            AwsStandIn aws = AwsStandIn.builder().registry(URI.create("http://" + registry.address())).start();
            return new DeployStage(registry, aws, base);
        } catch (Exception | Error e) {
            registry.close();
            throw e;
        }
    }

    AwsStandIn aws() {
        return aws;
    }

    LocalRegistry registry() {
        return registry;
    }

    /** A fresh copy of the fixture that calls the stand-in. */
    FixtureProject project(String scenario) {
        FixtureProject project = FixtureProject.copy(FIXTURE, scenario);
        aws.environment().forEach(project::environment);
        return project;
    }

    /** Runs Maven with the image settings every deploy needs (the tiny base, the plain-HTTP registry). */
    MavenResult maven(FixtureProject project, String agentName, String... arguments) {
        return project.maven(withImageSettings(agentName, arguments));
    }

    /** Starts Maven like {@link #maven} without waiting; the caller must stop the process. */
    Process startMaven(FixtureProject project, Path log, String agentName, String... arguments) {
        return project.startMaven(log, withImageSettings(agentName, arguments));
    }

    private String[] withImageSettings(String agentName, String... arguments) {
        List<String> all = new ArrayList<>(List.of(
                "-Dagentcore.agentName=" + agentName,
                "-Dagentcore.baseImage=" + baseImage,
                "-Dagentcore.allowInsecureRegistries=true",
                "-Dagentcore.revision=it-revision"));
        all.addAll(List.of(arguments));
        return all.toArray(String[]::new);
    }

    static JsonNode runtimeJson(FixtureProject project) {
        try {
            return JSON.readTree(project.file("target/agentcore/runtime.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes the agent's code, so the next build has a new classes layer. */
    static void changeCode(FixtureProject project, String greeting) {
        Path source = project.file(CLASS_SOURCE);
        String code = read(source);
        try {
            Files.writeString(source, code.replaceFirst("GREETING = \"[^\"]*\"", "GREETING = \"" + greeting + "\""),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            aws.close();
        } finally {
            registry.close();
        }
    }
}
