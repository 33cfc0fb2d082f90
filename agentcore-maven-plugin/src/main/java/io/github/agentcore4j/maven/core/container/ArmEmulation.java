package io.github.agentcore4j.maven.core.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether this host can run linux/arm64 images: natively on arm64, through a qemu-aarch64 handler registered with
 * the Linux kernel's binfmt_misc elsewhere. Other systems (macOS, Windows) run the engine in a virtual machine that
 * brings its own emulation, so only Linux hosts are checked here; a failure there still shows in the container's
 * output, which {@link ContainerDiagnosis} explains.
 */
public final class ArmEmulation {

    /** The ELF header of aarch64 executables as binfmt_misc records it (the {@code magic} line). */
    static final String AARCH64_MAGIC = "7f454c460201010000000000000000000200b700";

    static final String FIX = "install qemu-user-static and binfmt-support (Debian/Ubuntu: apt-get install "
            + "qemu-user-static binfmt-support), which register the handler; inside a container, mount binfmt_misc "
            + "first (mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc) and run "
            + "`update-binfmts --enable qemu-aarch64`";

    private ArmEmulation() {
    }

    /** Why arm64 images cannot run on this host, or empty when they can. */
    public static Optional<String> problem() {
        return problem(System.getProperty("os.name", ""), System.getProperty("os.arch", ""),
                Path.of("/proc/sys/fs/binfmt_misc"));
    }

    static Optional<String> problem(String osName, String osArch, Path binfmtMisc) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (arch.equals("aarch64") || arch.equals("arm64") || !osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.empty();
        }
        String cannot = "linux/arm64 images cannot run on this " + arch + " host: ";
        if (!Files.exists(binfmtMisc.resolve("status"))) {
            return Optional.of(cannot + binfmtMisc + " is not mounted, so no qemu-aarch64 handler is registered. Fix: "
                    + FIX + ".");
        }
        if (!read(binfmtMisc.resolve("status")).startsWith("enabled")) {
            return Optional.of(cannot + "binfmt_misc is disabled (" + binfmtMisc.resolve("status") + "). Fix: "
                    + "echo 1 > " + binfmtMisc.resolve("status") + ", then " + FIX + ".");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(binfmtMisc)) {
            for (Path entry : entries) {
                String handler = read(entry);
                if (handler.startsWith("enabled") && handler.contains("magic " + AARCH64_MAGIC)) {
                    return Optional.empty();
                }
            }
        } catch (IOException e) {
            return Optional.of(cannot + "cannot read " + binfmtMisc + ": " + e.getMessage() + ". Fix: " + FIX + ".");
        }
        return Optional.of(cannot + "no enabled aarch64 handler is registered in " + binfmtMisc + ". Fix: " + FIX
                + ".");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
