package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdsTest {

    private static final String V4_UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    /**
     * A snapshot restores the same memory, ids' included; only what the OS supplies differs per restored copy. Here
     * one Ids (one memory image) reads a file standing in for the kernel's generator: what it hands out is exactly
     * the bytes the "OS" gives at the time of the call, so two restored copies with two different kernels draw
     * different ids, and nothing drawn before the snapshot is replayed.
     */
    @Test
    void idsAreTheOsEntropyOfTheMomentTheyAreDrawn(@TempDir Path dir) throws Exception {
        Path entropy = dir.resolve("urandom");
        byte[] beforeSnapshot = new byte[16];
        Arrays.fill(beforeSnapshot, (byte) 0x11);
        Files.write(entropy, beforeSnapshot);
        Ids ids = Ids.open(entropy);
        assertTrue(ids.readsOsEntropy());
        assertEquals("11111111-1111-4111-9111-111111111111", ids.nextUuid());

        byte[] firstRestore = new byte[16];
        Arrays.fill(firstRestore, (byte) 0x22);
        Files.write(entropy, firstRestore);
        String firstCopy = ids.nextUuid();
        byte[] secondRestore = new byte[16];
        Arrays.fill(secondRestore, (byte) 0x33);
        Files.write(entropy, secondRestore);
        String secondCopy = ids.nextUuid();

        assertEquals("22222222-2222-4222-a222-222222222222", firstCopy);
        assertEquals("33333333-3333-4333-b333-333333333333", secondCopy);
        assertNotEquals(firstCopy, secondCopy);
    }

    @Test
    void theLibrarysIdsComeFromTheKernelsGenerator() {
        assertTrue(Ids.open(Ids.OS_ENTROPY).readsOsEntropy(), "Linux must supply " + Ids.OS_ENTROPY);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = Ids.uuid();
            assertTrue(id.matches(V4_UUID), id);
            assertTrue(seen.add(id), "repeated id " + id);
        }
        assertEquals(32, Ids.randomBytes(32).length);
    }

    @Test
    void aMissingRequestIdIsDrawnFreshForEachRequest() {
        String first = RequestContext.fromHeaders(Map.of()).requestId();
        String second = RequestContext.fromHeaders(Map.of()).requestId();
        assertTrue(first.matches(V4_UUID), first);
        assertNotEquals(first, second);
    }

    @Test
    void withoutTheOsSourceIdsStillComeFreshFromSecureRandom(@TempDir Path dir) {
        Ids fallback = Ids.open(dir.resolve("absent"));
        assertEquals(false, fallback.readsOsEntropy());
        assertNotEquals(fallback.nextUuid(), fallback.nextUuid());
    }
}
