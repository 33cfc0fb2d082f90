package io.github.agentcore4j.maven.core.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArmEmulationTest {

    private static final String QEMU_AARCH64 = "enabled\ninterpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P\n"
            + "flags: PF\noffset 0\nmagic " + ArmEmulation.AARCH64_MAGIC + "\nmask ffffffffffffff00\n";

    @TempDir
    Path binfmt;

    @Test
    void arm64HostsAndNonLinuxHostsNeedNoCheck() {
        assertEquals(Optional.empty(), ArmEmulation.problem("Linux", "aarch64", binfmt.resolve("absent")));
        assertEquals(Optional.empty(), ArmEmulation.problem("Mac OS X", "x86_64", binfmt.resolve("absent")));
    }

    @Test
    void anEnabledAarch64HandlerIsEnough() throws Exception {
        Files.writeString(binfmt.resolve("status"), "enabled\n");
        Files.writeString(binfmt.resolve("qemu-aarch64"), QEMU_AARCH64);

        assertEquals(Optional.empty(), ArmEmulation.problem("Linux", "amd64", binfmt));
    }

    @Test
    void anUnmountedBinfmtMiscIsExplainedWithTheFix() {
        String problem = ArmEmulation.problem("Linux", "amd64", binfmt).orElseThrow();

        assertEquals("linux/arm64 images cannot run on this amd64 host: " + binfmt + " is not mounted, so no "
                + "qemu-aarch64 handler is registered. Fix: " + ArmEmulation.FIX + ".", problem);
    }

    @Test
    void aDisabledOrMissingHandlerIsExplained() throws Exception {
        Files.writeString(binfmt.resolve("status"), "enabled\n");
        Files.writeString(binfmt.resolve("qemu-aarch64"), QEMU_AARCH64.replace("enabled", "disabled"));
        Files.writeString(binfmt.resolve("python3.11"), "enabled\nmagic 0d0d0a0a\n");

        String problem = ArmEmulation.problem("Linux", "amd64", binfmt).orElseThrow();

        assertTrue(problem.startsWith("linux/arm64 images cannot run on this amd64 host: no enabled aarch64 handler "
                + "is registered in " + binfmt + ". Fix: install qemu-user-static and binfmt-support"), problem);
    }
}
