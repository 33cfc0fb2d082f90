package io.github.agentcore4j.it.container;

import io.github.agentcore4j.it.registry.LocalRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * A linux/arm64 Java runtime base image that the tests build themselves from Debian's arm64 packages, so no test
 * depends on a public image registry. mmdebstrap's extract variant unpacks the packages without running anything
 * inside (no emulation, about 20 s); podman imports the tree as an arm64 image and saves it as an OCI archive in a
 * cache directory kept between runs, keyed by the suite and the package list. Each test registry then receives a
 * copy through skopeo in a second or two.
 */
final class Arm64JreBase {

    static final String SUITE = "bookworm";
    static final String JAVA_PACKAGE = "openjdk-17-jre-headless";
    static final String JAVA_HOME = "/usr/lib/jvm/java-17-openjdk-arm64";
    static final String REPOSITORY = "agentcore4j-it/arm64-jre";
    static final String TAG = "17";

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(2);

    private Arm64JreBase() {
    }

    /**
     * Copies the base into the registry (building it first if the cache has none) and returns its reference,
     * {@code 127.0.0.1:<port>/agentcore4j-it/arm64-jre:17}.
     */
    static synchronized String pushTo(LocalRegistry registry) {
        Path archive = cachedArchive();
        String reference = reference(registry);
        Commands.run(COPY_TIMEOUT, List.of(ContainerTests.require("skopeo"), "copy", "--quiet",
                "--dest-tls-verify=false", "oci-archive:" + archive, "docker://" + reference));
        return reference;
    }

    /** Where {@link #pushTo} puts the base in {@code registry}. */
    static String reference(LocalRegistry registry) {
        return registry.address() + "/" + REPOSITORY + ":" + TAG;
    }

    /** The OCI archive of the base, built once per cache directory and key. */
    static Path cachedArchive() {
        Path directory = cacheRoot().resolve("arm64-jre-" + SUITE + "-" + JAVA_PACKAGE);
        Path archive = directory.resolve("image.oci.tar");
        if (Files.isRegularFile(archive)) {
            return archive;
        }
        try {
            Files.createDirectories(directory);
            Path rootfs = directory.resolve("rootfs.tar");
            Commands.run(BUILD_TIMEOUT, List.of(ContainerTests.require("mmdebstrap"), "--quiet", "--variant=extract",
                    "--architectures=arm64", "--include=" + JAVA_PACKAGE,
                    "--dpkgopt=path-exclude=/usr/share/doc/*", "--dpkgopt=path-exclude=/usr/share/man/*",
                    "--dpkgopt=path-exclude=/usr/share/locale/*", SUITE, rootfs.toString()));
            String podman = ContainerTests.require("podman");
            String imported = "localhost/" + REPOSITORY + ":" + TAG;
            Commands.run(BUILD_TIMEOUT, List.of(podman, "import", "--arch", "arm64", "--os", "linux",
                    "--change", "ENV PATH=" + JAVA_HOME + "/bin:/usr/bin:/bin", rootfs.toString(), imported));
            Path partial = directory.resolve("image.oci.tar.partial");
            Files.deleteIfExists(partial);
            Commands.run(BUILD_TIMEOUT, List.of(podman, "push", "--quiet", imported, "oci-archive:" + partial));
            Commands.attempt(BUILD_TIMEOUT, List.of(podman, "rmi", imported));
            Files.delete(rootfs);
            // Moved into place last, so an interrupted build leaves no archive that looks complete.
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the arm64 base image in " + directory, e);
        }
    }

    /** {@code it.cache} (set by the build), else {@code ~/.cache/agentcore4j-it}. */
    private static Path cacheRoot() {
        String configured = System.getProperty("it.cache");
        return configured != null && !configured.isBlank() ? Paths.get(configured)
                : Paths.get(System.getProperty("user.home"), ".cache", "agentcore4j-it");
    }
}
