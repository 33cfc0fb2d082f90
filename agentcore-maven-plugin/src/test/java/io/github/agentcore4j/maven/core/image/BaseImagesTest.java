package io.github.agentcore4j.maven.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.agentcore4j.maven.core.MemoryBuildLog;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseImagesTest {

    @TempDir
    Path classes;

    @Test
    void refusesScratchBecauseTheEntrypointRunsJava() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> BaseImages.requireJava("scratch"));

        assertEquals("Invalid setting <baseImage> (-Dagentcore.baseImage): 'scratch' has no Java, and the image's "
                + "entrypoint runs java. Fix: use a Java runtime image that includes linux/arm64, e.g. "
                + "eclipse-temurin:21-jre (the default); without network, a local copy: tar:///path/to/image.tar or "
                + "docker://image:tag.", e.getMessage());
    }

    @Test
    void readsTheJavaReleaseFromWellKnownImageNames() {
        assertEquals(OptionalInt.of(21), BaseImages.announcedJavaRelease("eclipse-temurin:21-jre"));
        assertEquals(OptionalInt.of(17), BaseImages.announcedJavaRelease(
                "public.ecr.aws/amazoncorretto/amazoncorretto:17-al2023-headless@sha256:" + "0".repeat(64)));
        assertEquals(OptionalInt.of(25), BaseImages.announcedJavaRelease("registry://localhost:5000/openjdk:25"));
        assertEquals(OptionalInt.empty(), BaseImages.announcedJavaRelease("localhost:5000/my-base:3"));
        assertEquals(OptionalInt.empty(), BaseImages.announcedJavaRelease("eclipse-temurin:latest"));
    }

    @Test
    void warnsWhenTheClassesNeedANewerJavaThanTheBaseAnnounces() throws IOException {
        writeClass("Agent.class", 69);
        writeClass("Old.class", 61);
        MemoryBuildLog log = new MemoryBuildLog();

        BaseImages.warnIfClassesNeedNewerJava("eclipse-temurin:21-jre", classes, log);
        BaseImages.warnIfClassesNeedNewerJava("eclipse-temurin:25-jre", classes, log);

        assertEquals(List.of("WARN The classes in " + classes + " need Java 25, but base image eclipse-temurin:21-jre "
                + "has Java 21: the agent would fail with UnsupportedClassVersionError. Fix: compile for Java 21 "
                + "(<maven.compiler.release>) or set <baseImage> (-Dagentcore.baseImage) to a Java 25 image, e.g. "
                + "eclipse-temurin:25-jre."), log.lines());
    }

    private void writeClass(String name, int major) throws IOException {
        Files.write(classes.resolve(name), new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0,
                (byte) major});
    }
}
