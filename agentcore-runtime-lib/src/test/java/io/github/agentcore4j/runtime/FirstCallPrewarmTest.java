package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A new agent does the first call's one-time set-up before any call arrives, on a thread of its own: the JSON
 * library's reader and writer are built, and on the JDK's server the formatter of its Date header (with its time zone
 * names), although nothing has asked for them yet. Preparing the JDK's server while the app is registered leaves no
 * server of its own behind.
 */
class FirstCallPrewarmTest {

    private static final List<String> PREPARED = List.of(
            "com.fasterxml.jackson.jr.ob.impl.JSONReader",
            "com.fasterxml.jackson.jr.ob.impl.JSONWriter",
            "com.fasterxml.jackson.core.json.UTF8StreamJsonParser",
            "java.time.format.DateTimeFormatterBuilder$ZoneTextPrinterParser");

    @Test
    void theFirstCallsSetUpIsDoneBeforeAnyCallArrives() throws Exception {
        Path classLog = Files.createTempFile("classes", ".log");
        try (AgentProcess agent = new AgentProcess(List.of("-Xlog:class+load=info:file=" + classLog),
                Map.of(), AgentProcess.PortSetting.PROPERTY, SigtermFixture.class)) {
            ConcurrencyAndShutdownTest.awaitTrue(() -> loaded(classLog).containsAll(PREPARED), RunningAgent.TIMEOUT);
        } finally {
            Files.deleteIfExists(classLog);
        }
    }

    @Test
    void preparingTheJdkServerLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        AgentCoreApp.create();
        ConcurrencyAndShutdownTest.awaitTrue(() -> Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread))
                .noneMatch(thread -> thread.getName().startsWith("agentcore-prewarm")
                        || thread.getName().endsWith("-task")), RunningAgent.TIMEOUT);
    }

    private static List<String> loaded(Path classLog) {
        try {
            return Files.readAllLines(classLog, StandardCharsets.UTF_8).stream()
                    .map(line -> line.split(" "))
                    .filter(fields -> fields.length > 1)
                    .map(fields -> fields[1])
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
