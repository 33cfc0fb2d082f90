package io.github.agentcore4j.maven.core.image;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the plugin can tell about a base image before building on it: whether it is a local one ({@code tar://} an
 * image tar, {@code docker://} an image in the local engine, which need no registry), whether it surely has no Java,
 * and which Java release its name announces, to warn when the classes need a newer one.
 */
public final class BaseImages {

    /** Jib's name for the empty base. */
    static final String SCRATCH = "scratch";
    static final String TAR_PREFIX = "tar://";
    static final String DOCKER_PREFIX = "docker://";
    private static final String REGISTRY_PREFIX = "registry://";
    /** Repositories that publish JDK/JRE images with the Java release first in the tag, e.g. {@code 21-jre}. */
    private static final Pattern JAVA_IMAGE = Pattern.compile(
            "(?:^|/)(?:eclipse-temurin|amazoncorretto|openjdk|sapmachine|azul/zulu-openjdk[^:/]*|bellsoft/liberica"
                    + "[^:/]*|ibm-semeru-runtimes|java|jre|jdk)[^:/]*:(\\d+)(?:[^\\d].*)?$");
    private static final int CLASS_FILE_MAGIC = 0xCAFEBABE;
    private static final int JAVA_1_RELEASE_OFFSET = 44;

    private BaseImages() {
    }

    /**
     * Refuses a base that has no Java, since the entrypoint runs {@code java}.
     *
     * @throws InvalidSettingException naming {@code baseImage} for {@code scratch}
     */
    public static void requireJava(String baseImage) {
        if (SCRATCH.equals(baseImage.trim())) {
            throw new InvalidSettingException(PropertyNames.BASE_IMAGE,
                    "'scratch' has no Java, and the image's entrypoint runs "
                    + "java", "use a Java runtime image that includes linux/arm64, e.g. eclipse-temurin:21-jre (the "
                    + "default); without network, a local copy: tar:///path/to/image.tar or docker://image:tag");
        }
    }

    /** Whether the base comes from a file or the local engine rather than a registry. */
    static boolean isLocal(String baseImage) {
        return baseImage.startsWith(TAR_PREFIX) || baseImage.startsWith(DOCKER_PREFIX);
    }

    /** The registry reference of a registry base, without Jib's optional {@code registry://} prefix. */
    static String registryReference(String baseImage) {
        return baseImage.startsWith(REGISTRY_PREFIX) ? baseImage.substring(REGISTRY_PREFIX.length()) : baseImage;
    }

    /** The Java release the base image's name announces, e.g. 21 for {@code eclipse-temurin:21-jre}. */
    static OptionalInt announcedJavaRelease(String baseImage) {
        String reference = registryReference(baseImage).toLowerCase(Locale.ROOT);
        int digest = reference.indexOf('@');
        Matcher matcher = JAVA_IMAGE.matcher(digest < 0 ? reference : reference.substring(0, digest));
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /** The newest Java release among the compiled classes, read from the class files' major versions. */
    static OptionalInt newestClassRelease(Path classesDirectory) {
        if (!Files.isDirectory(classesDirectory)) {
            return OptionalInt.empty();
        }
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".class"))
                    .map(BaseImages::classRelease)
                    .flatMap(Optional::stream)
                    .mapToInt(Integer::intValue)
                    .max();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the classes in " + classesDirectory, e);
        }
    }

    /**
     * Warns when the classes need a newer Java than the base image's name announces: the agent would fail with
     * {@code UnsupportedClassVersionError} at its first start in AgentCore Runtime.
     */
    public static void warnIfClassesNeedNewerJava(String baseImage, Path classesDirectory, BuildLog log) {
        OptionalInt baseRelease = announcedJavaRelease(baseImage);
        if (baseRelease.isEmpty()) {
            return;
        }
        OptionalInt classRelease = newestClassRelease(classesDirectory);
        if (classRelease.isPresent() && classRelease.getAsInt() > baseRelease.getAsInt()) {
            log.warn("The classes in " + classesDirectory + " need Java " + classRelease.getAsInt() + ", but base "
                    + "image " + baseImage + " has Java " + baseRelease.getAsInt() + ": the agent would fail with "
                    + "UnsupportedClassVersionError. Fix: compile for Java " + baseRelease.getAsInt()
                    + " (<maven.compiler.release>) or set <baseImage> (-Dagentcore.baseImage) to a Java "
                    + classRelease.getAsInt() + " image, e.g. eclipse-temurin:" + classRelease.getAsInt() + "-jre.");
        }
    }

    private static Optional<Integer> classRelease(Path classFile) {
        try (InputStream in = Files.newInputStream(classFile);
                DataInputStream data = new DataInputStream(in)) {
            if (data.readInt() != CLASS_FILE_MAGIC) {
                return Optional.empty();
            }
            data.readUnsignedShort();
            return Optional.of(data.readUnsignedShort() - JAVA_1_RELEASE_OFFSET);
        } catch (IOException notAClassFile) {
            return Optional.empty();
        }
    }
}
