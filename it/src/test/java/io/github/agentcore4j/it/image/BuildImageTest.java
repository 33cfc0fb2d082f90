package io.github.agentcore4j.it.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import io.github.agentcore4j.it.registry.TestRegistry;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FreePort;
import io.github.agentcore4j.it.support.JavaAgents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@code agentcore:build} with real Maven on a fixture agent against a real registry, and checks the result
 * with skopeo: platform, entrypoint, port, environment, user, labels, layers, reproducibility, one-layer rebuilds,
 * the tar target and the errors users meet most.
 */
class BuildImageTest {

    private static final String FIXTURE = "image-agent";
    private static final String MAIN_CLASS = "com.example.imageagent.ImageAgent";
    private static final String CLASS_SOURCE = "src/main/java/com/example/imageagent/ImageAgent.java";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestRegistry registry = TestRegistry.forScenario("build-image").seededWith((started, work) -> {
        TinyBaseImages.pushArm64Base(started, work);
        TinyBaseImages.push(baseWithoutArm64(), work.resolve("no-arm64-base"),
                Set.of(new Platform("amd64", "linux"), new Platform("s390x", "linux")));
    });

    private static String arm64Base() {
        return TinyBaseImages.arm64Base(registry.registry());
    }

    private static String baseWithoutArm64() {
        return registry.address() + "/bases/no-arm64:1";
    }

    @Test
    void pushesAnArm64ImageWithJavaLayersOnTheBase() throws IOException {
        FixtureProject project = FixtureProject.copy(FIXTURE, "build-image-push");
        String image = registry.address() + "/agents/demo:1.0";

        build(project, image).assertSuccess();

        JsonNode output = imageJson(project);
        String pushed = "docker://" + image;
        assertEquals(Skopeo.summary(pushed).get("Digest").asText(), output.get("digest").asText());
        assertEquals(Files.readString(project.file("target/agentcore/image.digest")).trim(),
                output.get("digest").asText());
        assertEquals(image, output.get("reference").asText());
        assertEquals(registry.address() + "/agents/demo@" + output.get("digest").asText(),
                output.get("digestReference").asText());
        assertEquals("linux/arm64", output.get("platform").asText());

        JsonNode manifest = Skopeo.rawManifest(pushed);
        assertEquals("application/vnd.oci.image.manifest.v1+json", manifest.get("mediaType").asText());
        assertEquals(4, manifest.get("layers").size(), "base, dependencies, resources, classes: " + manifest);

        JsonNode config = Skopeo.config(pushed);
        assertEquals("arm64", config.get("architecture").asText());
        assertEquals("linux", config.get("os").asText());
        JsonNode container = config.get("config");
        List<String> entrypoint = strings(container.get("Entrypoint"));
        assertEquals("java", entrypoint.get(0));
        assertTrue(entrypoint.contains("-XX:MaxRAMPercentage=75.0"), entrypoint.toString());
        assertEquals(List.of("-cp", "/app/resources:/app/classes:/app/libs/*", MAIN_CLASS),
                entrypoint.subList(entrypoint.size() - 3, entrypoint.size()));
        assertTrue(container.get("ExposedPorts").has("8080/tcp"), container.toString());
        List<String> environment = strings(container.get("Env"));
        assertTrue(environment.contains("DOCKER_CONTAINER=1"), environment.toString());
        assertTrue(environment.stream().noneMatch(variable -> variable.startsWith("AGENTCORE_ENGINE=")),
                "no Jetty on the classpath, so the JDK server even on V2: " + environment);
        assertTrue(environment.contains("PATH=/opt/java/bin:/usr/bin:/bin"), "inherited from the base: " + environment);
        assertEquals("1000:1000", container.get("User").asText());
        JsonNode labels = container.get("Labels");
        assertEquals("1.0.0", labels.get("org.opencontainers.image.version").asText());
        assertEquals("it-revision", labels.get("org.opencontainers.image.revision").asText());
        assertEquals("image-agent", labels.get("org.opencontainers.image.title").asText());
        assertEquals(List.of("base", "dependencies", "resources", "classes"), layerNames(config));
        assertTrue(project.file("target/agentcore/image.json").toFile().isFile());
    }

    @Test
    void rebuildsToTheSameDigestAndAChangedClassPushesOnlyTheClassesLayer() throws IOException {
        FixtureProject project = FixtureProject.copy(FIXTURE, "build-image-rebuild");
        String image = registry.address() + "/agents/rebuild:1.0";
        String pushed = "docker://" + image;

        build(project, image).assertSuccess();
        String first = imageJson(project).get("digest").asText();
        List<String> firstLayers = layerDigests(Skopeo.rawManifest(pushed));
        int uploadsBefore = registry.registry().uploadedBlobs().size();

        build(project, image).assertSuccess();
        assertEquals(first, imageJson(project).get("digest").asText(), "unchanged inputs, same digest");
        assertEquals(List.of(), since(uploadsBefore), "an unchanged rebuild uploads nothing");

        Path source = project.file(CLASS_SOURCE);
        Files.writeString(source, Files.readString(source, StandardCharsets.UTF_8)
                .replace("GREETING = \"hello\"", "GREETING = \"hello again\""), StandardCharsets.UTF_8);
        int uploadsBeforeChange = registry.registry().uploadedBlobs().size();
        build(project, image).assertSuccess();

        String changed = imageJson(project).get("digest").asText();
        assertNotEquals(first, changed);
        JsonNode manifest = Skopeo.rawManifest(pushed);
        List<String> changedLayers = layerDigests(manifest);
        assertEquals(firstLayers.subList(0, 3), changedLayers.subList(0, 3), "base, dependencies, resources kept");
        assertNotEquals(firstLayers.get(3), changedLayers.get(3), "classes layer rebuilt");
        assertEquals(Set.of(changedLayers.get(3), manifest.get("config").get("digest").asText()),
                Set.copyOf(since(uploadsBeforeChange)), "only the classes layer and the new config are uploaded");
    }

    @Test
    void theTarTargetHoldsTheSameImageAsThePush() throws IOException {
        FixtureProject project = FixtureProject.copy(FIXTURE, "build-image-tar");
        String image = registry.address() + "/agents/tar:1.0";
        build(project, image).assertSuccess();
        JsonNode pushedConfig = Skopeo.config("docker://" + image);
        String pushedImageId = imageJson(project).get("imageId").asText();

        build(project, image, "-Dagentcore.build.target=tar").assertSuccess();

        Path tar = project.file("target/agentcore/image.tar");
        assertEquals(pushedConfig, Skopeo.config("oci-archive:" + tar));
        JsonNode output = imageJson(project);
        assertEquals("tar", output.get("target").asText());
        assertEquals(pushedImageId, output.get("imageId").asText());
    }

    @Test
    void anUnreachableRegistryNamesTheImageSetting() {
        FixtureProject project = FixtureProject.copy(FIXTURE, "build-image-unreachable");
        String nowhere = "127.0.0.1:" + FreePort.pick();

        MavenResult result = build(project, nowhere + "/agents/demo:1.0").assertFailure();

        assertTrue(result.log().contains("Cannot reach registry " + nowhere + " for the target image (<image>, "
                + "-Dagentcore.build.image)"), result.log());
    }

    @Test
    void aBaseWithoutArm64FailsClearly() {
        FixtureProject project = FixtureProject.copy(FIXTURE, "build-image-no-arm64");

        MavenResult result = project.maven("package", "-Dagentcore.build.image=" + registry.address() + "/agents/x:1",
                "-Dagentcore.baseImage=" + baseWithoutArm64(), "-Dagentcore.allowInsecureRegistries=true")
                .assertFailure();

        assertTrue(result.log().contains("Base image " + baseWithoutArm64() + " has no linux/arm64 image"),
                result.log());
        assertTrue(result.log().contains("-Dagentcore.baseImage"), result.log());
    }

    @Test
    void aMissingBaseImageNamesTheBaseImageSetting() {
        FixtureProject project = FixtureProject.copy(FIXTURE, "build-image-missing-base");
        String missing = registry.address() + "/bases/never-pushed:1";

        MavenResult result = project.maven("package", "-Dagentcore.build.image=" + registry.address() + "/agents/y:1",
                "-Dagentcore.baseImage=" + missing, "-Dagentcore.allowInsecureRegistries=true").assertFailure();

        assertTrue(result.log().contains("Base image " + missing + " was not found"), result.log());
        assertTrue(result.log().contains("(<baseImage>, -Dagentcore.baseImage)"), result.log());
    }

    @Test
    void aV2ImageOfAnAgentWithJettyRunsJettyWithC2AndAV1ImageTheJdkServerWithC1Only() throws IOException {
        FixtureProject project = FixtureProject.copy(FIXTURE, "build-image-jetty");
        Path pom = project.file("pom.xml");
        Files.writeString(pom, Files.readString(pom).replaceFirst("</dependencies>", "<dependency>"
                + "<groupId>org.eclipse.jetty</groupId><artifactId>jetty-server</artifactId>"
                + "<version>12.0.25</version></dependency></dependencies>"));

        for (String platform : List.of("V2", "V1")) {
            String image = registry.address() + "/agents/jetty-" + platform.toLowerCase() + ":1.0";
            build(project, image, "-Dagentcore.platformVersion=" + platform).assertSuccess();
            JsonNode container = Skopeo.config("docker://" + image).get("config");
            List<String> environment = strings(container.get("Env"));
            assertEquals(platform.equals("V2"), environment.contains("AGENTCORE_ENGINE=jetty"),
                    platform + ": " + environment);
            List<String> entrypoint = strings(container.get("Entrypoint"));
            assertEquals(platform.equals("V1"), entrypoint.contains("-XX:TieredStopAtLevel=1"),
                    platform + ": " + entrypoint);
        }
    }

    @Test
    void withObservabilityTheJavaAgentIsALayerOfItsOwnAndTheEnvironmentAttachesIt() throws IOException {
        FixtureProject project = FixtureProject.copy(FIXTURE, "build-image-observability");
        String image = registry.address() + "/agents/traced:1.0";

        build(project, image, "-Dagentcore.observability=true",
                "-Dagentcore.observabilityAgent=" + JavaAgents.UPSTREAM).assertSuccess();

        String pushed = "docker://" + image;
        JsonNode config = Skopeo.config(pushed);
        assertEquals(List.of("base", "dependencies", "resources", "classes", "opentelemetry"), layerNames(config));
        assertEquals(5, Skopeo.rawManifest(pushed).get("layers").size());
        List<String> environment = strings(config.get("config").get("Env"));
        for (String expected : List.of(
                "JAVA_TOOL_OPTIONS=-javaagent:/opt/opentelemetry/opentelemetry-javaagent.jar",
                "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
                "OTEL_TRACES_EXPORTER=otlp",
                "OTEL_METRICS_EXPORTER=none",
                "OTEL_TRACES_SAMPLER=parentbased_always_on",
                "OTEL_RESOURCE_ATTRIBUTES=aws.service.type=gen_ai_agent",
                "DOCKER_CONTAINER=1")) {
            assertTrue(environment.contains(expected), expected + " in " + environment);
        }
        // The project has no OpenTelemetry API, so the layer brings it for the runtime library's spans.
        assertTrue(Skopeo.layerFiles(pushed, 4).stream().anyMatch(file -> file.matches(
                "app/libs/opentelemetry-api-[0-9.]+\\.jar")), "the API on the classpath");
        assertTrue(Skopeo.layerFiles(pushed, 4).contains("opt/opentelemetry/opentelemetry-javaagent.jar"));
    }

    private static MavenResult build(FixtureProject project, String image, String... more) {
        List<String> arguments = new ArrayList<>(List.of("package",
                "-Dagentcore.build.image=" + image,
                "-Dagentcore.baseImage=" + arm64Base(),
                "-Dagentcore.allowInsecureRegistries=true",
                // Fixed, because the fixture lives inside this repository, whose commit moves between builds.
                "-Dagentcore.revision=it-revision"));
        arguments.addAll(List.of(more));
        return project.maven(arguments.toArray(String[]::new));
    }

    private List<String> since(int count) {
        List<String> uploads = registry.registry().uploadedBlobs();
        return uploads.subList(count, uploads.size());
    }

    private static JsonNode imageJson(FixtureProject project) throws IOException {
        return JSON.readTree(project.file("target/agentcore/image.json").toFile());
    }

    private static List<String> layerDigests(JsonNode manifest) {
        List<String> digests = new ArrayList<>();
        manifest.get("layers").forEach(layer -> digests.add(layer.get("digest").asText()));
        return digests;
    }

    /** Jib records each layer's name as the comment of its history entry. */
    private static List<String> layerNames(JsonNode config) {
        List<String> names = new ArrayList<>();
        config.get("history").forEach(entry -> names.add(entry.path("comment").asText()));
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
