package io.github.agentcore4j.it.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.agentcore4j.it.aws.AwsStandIn;
import io.github.agentcore4j.it.image.TinyBaseImages;
import io.github.agentcore4j.it.registry.LocalRegistry;
import io.github.agentcore4j.it.registry.TestRegistry;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import io.github.agentcore4j.it.support.FixtureProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the deploy tests of one class share: a real registry with a tiny arm64 base image, and the AWS stand-in whose
 * ECR points at that registry. Fixture projects run real Maven with the stand-in's environment, so the plugin finds
 * it through the SDK's standard {@code AWS_ENDPOINT_URL}. A JUnit class extension: it starts before the class's tests,
 * resets the faults a test injected after each, and stops after them.
 * <pre>{@code
 * @RegisterExtension
 * static final DeployStage stage = DeployStage.forScenario("deploy");
 * }</pre>
 */
final class DeployStage implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    static final String FIXTURE = "deploy-agent";
    static final String CLASS_SOURCE = "src/main/java/com/example/deployagent/DeployAgent.java";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRegistry registry;
    private AwsStandIn aws;

    private DeployStage(String scenario) {
        this.registry = TestRegistry.forScenario(scenario).seededWith(TinyBaseImages::pushArm64Base);
    }

    /** The stage of a test class, working in {@code <it.work>/<scenario>}. */
    static DeployStage forScenario(String scenario) {
        return new DeployStage(scenario);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        registry.start();
        try {
            aws = AwsStandIn.builder().registry(URI.create("http://" + registry.address())).start();
        } catch (RuntimeException | Error e) {
            registry.close();
            throw e;
        }
    }

    /** Faults one test injects never reach the next. */
    @Override
    public void afterEach(ExtensionContext context) {
        aws.faults().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (aws != null) {
                aws.close();
            }
        } finally {
            registry.close();
        }
    }

    AwsStandIn aws() {
        return aws;
    }

    LocalRegistry registry() {
        return registry.registry();
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
                "-Dagentcore.baseImage=" + TinyBaseImages.arm64Base(registry.registry()),
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
}
