package io.github.agentcore4j.it.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import io.github.agentcore4j.it.registry.LocalRegistry;
import java.nio.file.Path;
import java.util.Set;

/**
 * Makes small base images in the test registry, so no test depends on a public registry: one small layer and a
 * PATH, for the platforms asked. They cannot run Java; the tests only inspect what is built on them.
 */
public final class TinyBaseImages {

    private TinyBaseImages() {
    }

    /** Where {@link #pushArm64Base} puts the linux/arm64 base in {@code registry}. */
    public static String arm64Base(LocalRegistry registry) {
        return registry.address() + "/bases/tiny-java:1";
    }

    /** Pushes the linux/arm64 base most image tests build on ({@link #arm64Base}), working in {@code work}/base. */
    public static void pushArm64Base(LocalRegistry registry, Path work) throws Exception {
        push(arm64Base(registry), work.resolve("base"), Set.of(new Platform("arm64", "linux")));
    }

    /**
     * Pushes a base image for the given platforms: one platform gives a single manifest, several an image index.
     */
    public static void push(String reference, Path workDirectory, Set<Platform> platforms) throws Exception {
        base(reference, workDirectory, platforms)
                .containerize(Containerizer.to(RegistryImage.named(reference))
                        .setAllowInsecureRegistries(true)
                        .setApplicationLayersCache(workDirectory.resolve("cache")));
    }

    /** Writes a linux/arm64 base as a {@code docker save} tar, the format a {@code tar://} base is read in. */
    public static Path saveTar(Path tar, Path workDirectory) throws Exception {
        base("tiny-java:1", workDirectory, Set.of(new Platform("arm64", "linux")))
                .setFormat(ImageFormat.Docker)
                .containerize(Containerizer.to(TarImage.at(tar).named("tiny-java:1"))
                        .setApplicationLayersCache(workDirectory.resolve("cache")));
        return tar;
    }

    private static JibContainerBuilder base(String reference, Path workDirectory, Set<Platform> platforms)
            throws Exception {
        Path release = Files.createDirectories(workDirectory).resolve("base-release");
        Files.writeString(release, "tiny test base " + reference + "\n", StandardCharsets.UTF_8);
        return Jib.fromScratch()
                .setPlatforms(platforms)
                .addFileEntriesLayer(FileEntriesLayer.builder()
                        .setName("base")
                        .addEntry(release, AbsoluteUnixPath.get("/etc/base-release"))
                        .build())
                .addEnvironmentVariable("PATH", "/opt/java/bin:/usr/bin:/bin");
    }
}
