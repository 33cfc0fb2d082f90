package io.github.agentcore4j.maven.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import io.github.agentcore4j.maven.core.MemoryBuildLog;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PlatformVersion;
import io.github.agentcore4j.maven.core.observability.JavaAgentRecipe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds real images from the empty "scratch" base into OCI tar files, which needs no registry and no network. */
class ImageBuilderTest {

    private static final long JIB_FILE_TIME = 1000L;

    @TempDir
    Path work;

    private Path classes;
    private Path releaseJar;
    private Path snapshotJar;
    private final MemoryBuildLog log = new MemoryBuildLog(false);

    @BeforeEach
    void application() throws IOException {
        classes = Files.createDirectories(work.resolve("classes"));
        Files.createDirectories(classes.resolve("com/example"));
        Files.write(classes.resolve("com/example/Agent.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1});
        Files.writeString(classes.resolve("agent.properties"), "greeting=hello\n", StandardCharsets.UTF_8);
        Path libs = Files.createDirectories(work.resolve("repo"));
        releaseJar = Files.write(libs.resolve("yaml-2.5.jar"), new byte[] {1, 2, 3});
        snapshotJar = Files.write(libs.resolve("helper-1.0-SNAPSHOT.jar"), new byte[] {4, 5, 6});
    }

    @Test
    void buildsAnArm64ImageWithJavaLayersEntrypointPortEnvironmentUserAndLabels() throws Exception {
        ImageBuildResult result = new ImageBuilder().build(request("first"), log);

        OciArchive archive = OciArchive.read(work.resolve("first/image.tar"));
        JsonNode config = archive.config();
        assertEquals("arm64", config.get("architecture").asText());
        assertEquals("linux", config.get("os").asText());
        List<String> entrypoint = strings(config.get("config").get("Entrypoint"));
        List<String> expected = new ArrayList<>(List.of("java"));
        expected.addAll(PlatformImages.V2_JVM_FLAGS);
        expected.addAll(List.of("-cp", "/app/resources:/app/classes:/app/libs/*", "com.example.Agent"));
        assertEquals(expected, entrypoint);
        assertTrue(config.get("config").get("ExposedPorts").has("8000/tcp"), config.toString());
        assertTrue(strings(config.get("config").get("Env")).contains("DOCKER_CONTAINER=1"), config.toString());
        assertEquals("1000:1000", config.get("config").get("User").asText());
        assertEquals("1.0.0", config.get("config").get("Labels").get("org.opencontainers.image.version").asText());
        assertEquals("abc123", config.get("config").get("Labels").get("org.opencontainers.image.revision").asText());

        List<String> layers = archive.layerDigests();
        assertEquals(4, layers.size(), "dependencies, snapshot dependencies, resources, classes");
        assertEquals(Map.of("app/libs/yaml-2.5.jar", JIB_FILE_TIME), archive.layerFiles(layers.get(0)));
        assertEquals(Map.of("app/libs/helper-1.0-SNAPSHOT.jar", JIB_FILE_TIME), archive.layerFiles(layers.get(1)));
        assertEquals(Map.of("app/resources/agent.properties", JIB_FILE_TIME), archive.layerFiles(layers.get(2)));
        assertEquals(Map.of("app/classes/com/example/Agent.class", JIB_FILE_TIME), archive.layerFiles(layers.get(3)));

        assertEquals(archive.manifestDigest(), result.digest());
        assertEquals("linux/arm64", result.platform());
        assertEquals(result.digest() + "\n", Files.readString(work.resolve("first/image.digest")));
        JsonNode json = new ObjectMapper().readTree(work.resolve("first/image.json").toFile());
        assertEquals("agents/demo:1.0", json.get("reference").asText());
        assertEquals(result.digest(), json.get("digest").asText());
        assertEquals("linux/arm64", json.get("platform").asText());
        assertEquals("tar", json.get("target").asText());
        assertEquals(List.of("1.0", "latest"), strings(json.get("tags")));
        assertTrue(log.contains("PROGRESS Building image agents/demo:1.0 1.0"), log.lines().toString());
    }

    @Test
    void theSameInputsGiveTheSameDigestAndAChangedClassChangesOnlyTheClassesLayer() throws Exception {
        ImageBuildResult first = new ImageBuilder().build(request("first"), log);
        ImageBuildResult again = new ImageBuilder().build(request("again"), log);
        assertEquals(first.digest(), again.digest());

        Files.write(classes.resolve("com/example/Agent.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 2});
        ImageBuildResult changed = new ImageBuilder().build(request("changed"), log);
        assertNotEquals(first.digest(), changed.digest());
        List<String> before = OciArchive.read(work.resolve("first/image.tar")).layerDigests();
        List<String> after = OciArchive.read(work.resolve("changed/image.tar")).layerDigests();
        assertEquals(before.subList(0, 3), after.subList(0, 3));
        assertNotEquals(before.get(3), after.get(3));
    }

    @Test
    void observabilityAddsTheJavaAgentLayerAndEnvironmentAndANewAgentChangesOnlyThatLayer() throws Exception {
        Path agentJar = Files.write(work.resolve("repo/opentelemetry-javaagent-2.31.1.jar"), new byte[] {7, 7});
        Path apiJar = Files.write(work.resolve("repo/opentelemetry-api-1.68.0.jar"), new byte[] {8});
        new ImageBuilder().build(tracedRequest("traced", agentJar, apiJar), log);

        OciArchive archive = OciArchive.read(work.resolve("traced/image.tar"));
        List<String> layers = archive.layerDigests();
        assertEquals(5, layers.size(), "the four Java layers and the OpenTelemetry layer");
        assertEquals(Map.of("opt/opentelemetry/opentelemetry-javaagent.jar", JIB_FILE_TIME,
                "app/libs/opentelemetry-api-1.68.0.jar", JIB_FILE_TIME), archive.layerFiles(layers.get(4)));
        List<String> environment = strings(archive.config().get("config").get("Env"));
        assertTrue(environment.contains("JAVA_TOOL_OPTIONS=-javaagent:/opt/opentelemetry/opentelemetry-javaagent.jar"),
                environment.toString());
        assertTrue(environment.contains("OTEL_RESOURCE_ATTRIBUTES=aws.service.type=gen_ai_agent"), environment.toString());
        assertTrue(environment.contains("OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf"), environment.toString());
        assertTrue(environment.contains("OTEL_METRICS_EXPORTER=none"), environment.toString());
        assertTrue(environment.contains("DOCKER_CONTAINER=1"), environment.toString());
        assertTrue(environment.contains("OTEL_JAVAAGENT_EXTENSIONS=/app/libs/yaml-2.5.jar"), "the runtime library's jar "
                + "(here a stand-in) as the agent's extension: " + environment);

        Files.write(agentJar, new byte[] {7, 8});
        new ImageBuilder().build(tracedRequest("new-agent", agentJar, apiJar), log);
        List<String> after = OciArchive.read(work.resolve("new-agent/image.tar")).layerDigests();
        assertEquals(layers.subList(0, 4), after.subList(0, 4));
        assertNotEquals(layers.get(4), after.get(4));
    }

    @Test
    void aV2ImageWithJettyRunsJettyWithTheMicroVmFlagsAndAV1ImageKeepsTheJdkServer() throws Exception {
        for (PlatformVersion platform : PlatformVersion.values()) {
            ImageBuildRequest plain = request(platform.name());
            new ImageBuilder().build(ImageBuildRequest.builder().baseImage(plain.baseImage()).target(plain.target())
                    .application(plain.application()).applicationLayersCache(plain.applicationLayersCache())
                    .outputDirectory(plain.outputDirectory())
                    .jvmFlags(PlatformImages.jvmFlags(platform))
                    .environment(PlatformImages.engineEnvironment(platform, true, log))
                    .build(), log);

            JsonNode config = OciArchive.read(work.resolve(platform.name() + "/image.tar")).config().get("config");
            List<String> environment = strings(config.get("Env"));
            assertEquals(platform == PlatformVersion.V2, environment.contains("AGENTCORE_ENGINE=jetty"),
                    platform + ": " + environment);
            assertTrue(environment.contains("DOCKER_CONTAINER=1"), environment.toString());
            List<String> flags = PlatformImages.jvmFlags(platform);
            assertEquals(flags, strings(config.get("Entrypoint")).subList(1, 1 + flags.size()));
        }
    }

    private ImageBuildRequest tracedRequest(String name, Path agentJar, Path apiJar) {
        ImageBuildRequest plain = request(name);
        return ImageBuildRequest.builder().baseImage(plain.baseImage()).target(plain.target())
                .application(plain.application()).applicationLayersCache(plain.applicationLayersCache())
                .outputDirectory(plain.outputDirectory())
                .observability(new JavaAgentRecipe.Jars(agentJar, List.of(apiJar), releaseJar))
                .build();
    }

    @Test
    void aSiblingModulesClassesDirectoryGoesIntoTheImageAsAJar() throws Exception {
        Path siblingClasses = Files.createDirectories(work.resolve("lib-module/target/classes/com/example/lib"));
        Files.write(siblingClasses.resolve("Helper.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 7});
        Path output = work.resolve("reactor");
        ImageBuildRequest request = ImageBuildRequest.builder()
                .baseImage("scratch")
                .target(new ImageTarget.Tar("agents/demo:1.0", output.resolve("image.tar")))
                .application(new JavaApplication("com.example.Agent", classes, List.of(releaseJar),
                        List.of(work.resolve("lib-module/target/classes"))))
                .outputDirectory(output)
                .build();

        new ImageBuilder().build(request, log);

        OciArchive archive = OciArchive.read(output.resolve("image.tar"));
        assertEquals(Map.of("app/libs/lib-module.jar", JIB_FILE_TIME),
                archive.layerFiles(archive.layerDigests().get(1)));
        Path jar = output.resolve("reactor/lib-module.jar");
        try (JarFile packed = new JarFile(jar.toFile())) {
            assertEquals(List.of("com/", "com/example/", "com/example/lib/", "com/example/lib/Helper.class"),
                    packed.stream().map(JarEntry::getName).toList());
        }
        assertTrue(log.lines().contains("INFO Packed the reactor module classes " + work.resolve(
                "lib-module/target/classes") + " into " + jar + " for the image"), log.lines().toString());
    }

    @Test
    void aTarBaseNeedsNoRegistry() throws Exception {
        // A `docker save` tar, the format Jib reads bases from, with one layer.
        Path baseTar = work.resolve("base.tar");
        Path baseFiles = Files.createDirectories(work.resolve("base-files"));
        Files.writeString(baseFiles.resolve("release"), "JAVA_VERSION=\"21\"\n");
        Jib.fromScratch()
                .setPlatforms(Set.of(ImageBuilder.PLATFORM))
                .setFormat(ImageFormat.Docker)
                .addLayer(List.of(baseFiles.resolve("release")), AbsoluteUnixPath.get("/opt/java"))
                .containerize(Containerizer.to(TarImage.at(baseTar).named("base:1")));
        Path output = work.resolve("on-tar");
        ImageBuildRequest request = ImageBuildRequest.builder()
                .baseImage("tar://" + baseTar)
                .target(new ImageTarget.Tar("agents/demo:2.0", output.resolve("image.tar")))
                .application(new JavaApplication("com.example.Agent", classes, List.of(), List.of()))
                .outputDirectory(output)
                .offline(true)
                .build();

        new ImageBuilder().build(request, log);

        OciArchive archive = OciArchive.read(output.resolve("image.tar"));
        assertEquals(Map.of("opt/java/release", JIB_FILE_TIME), archive.layerFiles(archive.layerDigests().get(0)),
                "the base's layer comes first");
        assertEquals("arm64", archive.config().get("architecture").asText());
    }

    @Test
    void anUnknownRegistryHostFailsAtOnceInsteadOfAfterJibsRetries() {
        ImageBuildRequest request = ImageBuildRequest.builder()
                .baseImage("scratch")
                .target(new ImageTarget.Registry("registry.does-not-exist.invalid/agents/demo:1"))
                .application(new JavaApplication("com.example.Agent", classes, List.of(), List.of()))
                .outputDirectory(work.resolve("out"))
                .build();

        ImageBuildException e = assertThrows(ImageBuildException.class, () -> new ImageBuilder().build(request, log));

        assertTrue(e.getMessage().startsWith("Cannot reach registry registry.does-not-exist.invalid for the target "
                + "image (<image>, -Dagentcore.build.image): registry.does-not-exist.invalid"), e.getMessage());
        assertTrue(log.lines().stream().noneMatch(line -> line.contains("will be retried")), log.lines().toString());
    }

    @Test
    void aRegistryCertificateThatCannotBeVerifiedFailsAtOnce() throws Exception {
        try (SelfSignedTlsServer registry = SelfSignedTlsServer.start(work.resolve("registry.p12"))) {
            String host = "127.0.0.1:" + registry.port();
            ImageBuildRequest request = ImageBuildRequest.builder()
                    .baseImage("scratch")
                    .target(new ImageTarget.Registry(host + "/agents/demo:1"))
                    .application(new JavaApplication("com.example.Agent", classes, List.of(), List.of()))
                    .outputDirectory(work.resolve("out"))
                    .build();

            ImageBuildException e = assertThrows(ImageBuildException.class,
                    () -> new ImageBuilder().build(request, log));

            assertTrue(e.getMessage().startsWith("Cannot verify the TLS certificate of registry " + host + ": "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("(-Dagentcore.allowInsecureRegistries=true)."), e.getMessage());
            assertTrue(log.lines().stream().noneMatch(line -> line.contains("will be retried")),
                    log.lines().toString());
        }
    }

    @Test
    void anInvalidTargetReferenceNamesTheImageSetting() {
        ImageBuildRequest request = ImageBuildRequest.builder()
                .baseImage("scratch")
                .target(new ImageTarget.Registry("Agents/UPPER CASE"))
                .application(new JavaApplication("com.example.Agent", classes, List.of(), List.of()))
                .outputDirectory(work.resolve("out"))
                .build();
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new ImageBuilder().build(request, log));
        assertTrue(e.getMessage().contains("-Dagentcore.build.image"), e.getMessage());
    }

    @Test
    void anInvalidTagNamesTheTagsSetting() {
        ImageBuildRequest request = ImageBuildRequest.builder()
                .baseImage("scratch")
                .target(new ImageTarget.Registry("agents/demo:1"))
                .additionalTags(List.of("-bad"))
                .application(new JavaApplication("com.example.Agent", classes, List.of(), List.of()))
                .outputDirectory(work.resolve("out"))
                .build();
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new ImageBuilder().build(request, log));
        assertTrue(e.getMessage().contains("-Dagentcore.build.tags"), e.getMessage());
    }

    @Test
    void missingClassesSayToCompileFirst() {
        ImageBuildRequest request = ImageBuildRequest.builder()
                .baseImage("scratch")
                .target(new ImageTarget.Tar("agents/demo:1", work.resolve("out/image.tar")))
                .application(new JavaApplication("com.example.Agent", work.resolve("nothing"), List.of(), List.of()))
                .outputDirectory(work.resolve("out"))
                .build();
        ImageBuildException e = assertThrows(ImageBuildException.class, () -> new ImageBuilder().build(request, log));
        assertTrue(e.getMessage().contains("mvn package"), e.getMessage());
    }

    private ImageBuildRequest request(String name) {
        Path output = work.resolve(name);
        return ImageBuildRequest.builder()
                .baseImage("scratch")
                .target(new ImageTarget.Tar("agents/demo:1.0", output.resolve("image.tar")))
                .additionalTags(List.of("latest"))
                .application(new JavaApplication("com.example.Agent", classes, List.of(releaseJar),
                        List.of(snapshotJar)))
                .port(8000)
                .label("org.opencontainers.image.version", "1.0.0")
                .label("org.opencontainers.image.revision", "abc123")
                .label("org.opencontainers.image.source", null)
                // One cache for all builds, as in a real project, so a rebuild reuses unchanged layers.
                .applicationLayersCache(work.resolve("cache"))
                .outputDirectory(output)
                .build();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
