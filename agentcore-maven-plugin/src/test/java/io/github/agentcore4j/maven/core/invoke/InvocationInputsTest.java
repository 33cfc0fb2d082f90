package io.github.agentcore4j.maven.core.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.agentcore4j.maven.core.MemoryBuildLog;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvocationInputsTest {

    private static final String KEPT = "kept-session-0000000000000000000000000";

    @TempDir
    Path directory;

    @Test
    void aPromptBecomesAPromptPayload() {
        assertEquals("{\"prompt\":\"Say \\\"hi\\\"\"}", InvocationInputs.payload(null, "Say \"hi\"", null));
    }

    @Test
    void aPayloadIsSentAsGiven() {
        assertEquals("{\"prompt\": \"Hello\", \"stream\": true}",
                InvocationInputs.payload("{\"prompt\": \"Hello\", \"stream\": true}", null, null));
    }

    @Test
    void aPayloadFileIsRead() throws IOException {
        Path file = Files.writeString(directory.resolve("request.json"), "{\"prompt\":\"from a file\"}\n");

        assertEquals("{\"prompt\":\"from a file\"}\n", InvocationInputs.payload(null, null, file));
    }

    @Test
    void asksForExactlyOnePayload() {
        String fix = " Fix: set exactly one: -Dagentcore.invoke.prompt=Hello, "
                + "-Dagentcore.invoke.payload='{\"prompt\":\"Hello\"}' or "
                + "-Dagentcore.invoke.payloadFile=request.json.";
        assertEquals("Invalid setting <payload> (-Dagentcore.invoke.payload): nothing to send." + fix,
                assertThrows(InvalidSettingException.class, () -> InvocationInputs.payload(null, null, null))
                        .getMessage());
        assertEquals("Invalid setting <payload> (-Dagentcore.invoke.payload): more than one of payload, prompt and "
                + "payloadFile is set." + fix, assertThrows(InvalidSettingException.class,
                        () -> InvocationInputs.payload("{}", "Hello", null)).getMessage());
    }

    @Test
    void rejectsAPayloadThatIsNotJson() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> InvocationInputs.payload("{prompt: Hello}", null, null));

        assertEquals("payload", e.parameter());
        assertEquals(true, e.getMessage().startsWith("Invalid setting <payload> (-Dagentcore.invoke.payload): it "
                + "is not "
                + "valid JSON ("), e.getMessage());
        assertEquals(true, e.getMessage().endsWith("Fix: send a JSON document, or use "
                + "-Dagentcore.invoke.prompt=<text>."));
        assertEquals("payload", assertThrows(InvalidSettingException.class,
                () -> InvocationInputs.payload("{} trailing", null, null)).parameter());
    }

    @Test
    void namesTheFileSettingWhenTheFileIsUnusable() throws IOException {
        Path empty = Files.writeString(directory.resolve("empty.json"), "  ");

        assertEquals("Invalid setting <payloadFile> (-Dagentcore.invoke.payloadFile): it is empty. Fix: send a JSON "
                + "document, or use -Dagentcore.invoke.prompt=<text>.", assertThrows(InvalidSettingException.class,
                        () -> InvocationInputs.payload(null, null, empty)).getMessage());
        assertEquals("payloadFile", assertThrows(InvalidSettingException.class,
                () -> InvocationInputs.payload(null, null, directory.resolve("missing.json"))).parameter());
    }

    @Test
    void aPayloadFileThatIsNotUtf8OrTooLargeGetsAPlainReason() throws IOException {
        Path latin1 = Files.write(directory.resolve("latin1.json"), new byte[] {'"', (byte) 0xe9, '"'});
        Path huge = directory.resolve("huge.json");
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(3L * 1024 * 1024 * 1024);
        }

        assertEquals("Invalid setting <payloadFile> (-Dagentcore.invoke.payloadFile): " + latin1 + " is not UTF-8 "
                + "text. Fix: save the JSON document as UTF-8.", assertThrows(InvalidSettingException.class,
                        () -> InvocationInputs.payload(null, null, latin1)).getMessage());
        String tooLarge = assertThrows(InvalidSettingException.class,
                () -> InvocationInputs.payload(null, null, huge)).getMessage();
        assertEquals(true, tooLarge.contains("more than AgentCore's 100 MB payload limit"), tooLarge);
    }

    @Test
    void reusesTheKeptSession() {
        assertEquals(KEPT, InvocationInputs.sessionId(null, false, Optional.of(KEPT)));
    }

    @Test
    void startsANewSessionWhenAskedOrWhenNoneIsKept() {
        String fresh = InvocationInputs.sessionId(null, true, Optional.of(KEPT));
        assertNotEquals(KEPT, fresh);
        assertEquals(36, fresh.length());
        assertEquals(36, InvocationInputs.sessionId(null, false, Optional.empty()).length());
    }

    @Test
    void aGivenSessionWins() {
        String given = "given-session-000000000000000000000000";
        assertEquals(given, InvocationInputs.sessionId(given, false, Optional.of(KEPT)));
    }

    @Test
    void aGivenSessionMustFitTheService() {
        assertEquals("Invalid setting <sessionId> (-Dagentcore.invoke.sessionId): it has 5 characters; AgentCore "
                + "Runtime takes 33 to 256. Fix: use a longer id, e.g. a UUID.", assertThrows(
                        InvalidSettingException.class, () -> InvocationInputs.sessionId("short", false,
                                Optional.empty())).getMessage());
        assertEquals("newSession", assertThrows(InvalidSettingException.class,
                () -> InvocationInputs.sessionId(KEPT, true, Optional.empty())).parameter());
    }

    @Test
    void prefixesCustomHeadersThatAreNotAllowListed() {
        Map<String, String> headers = InvocationInputs.headers(
                List.of("X-Tenant-Id=acme", "Trace=a=b", "x-amzn-bedrock-agentcore-runtime-custom-Already=1",
                        "Authorization=Bearer t"),
                List.of("x-tenant-id", "Authorization"));

        assertEquals(Map.of(
                "X-Tenant-Id", "acme",
                "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Trace", "a=b",
                "x-amzn-bedrock-agentcore-runtime-custom-Already", "1",
                "Authorization", "Bearer t"), headers);
    }

    @Test
    void rejectsAHeaderWithoutValue() {
        assertEquals("Invalid setting <headers> (-Dagentcore.invoke.headers): 'X-Tenant-Id' is not Name=value. Fix: "
                + "write each header as Name=value, e.g. X-Tenant-Id=acme.", assertThrows(
                        InvalidSettingException.class, () -> InvocationInputs.headers(List.of("X-Tenant-Id"),
                                List.of())).getMessage());
    }

    @Test
    void headersTheRuntimeWouldDropAreNamedBeforeTheCall() {
        MemoryBuildLog log = new MemoryBuildLog();
        InvocationInputs.warnOutsideAllowlist(List.of("X-Tenant-Id=acme", "x-region=eu"), List.of("X-Region"), log);
        assertEquals(List.of("WARN Header X-Tenant-Id is not in the runtime's request header allowlist, so "
                + "AgentCore Runtime does not pass it to the agent. Fix: add X-Tenant-Id to requestHeaderAllowlist "
                + "(-Dagentcore.requestHeaderAllowlist) and deploy"), log.lines());
    }
}
