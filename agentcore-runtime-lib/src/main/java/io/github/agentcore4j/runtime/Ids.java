package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Snapshot-safe ids: every id is drawn when it is asked for from the operating system's entropy ({@code /dev/urandom}),
 * never from a generator seeded earlier. On AgentCore Runtime V2 every session restores the same memory image, so a
 * {@code Random}, {@code ThreadLocalRandom} or buffered {@code SecureRandom} seeded before the snapshot would hand every
 * session the same "random" ids; the kernel reseeds its generator on restore, so its bytes differ per session.
 * The library's request, message and task ids come from here; use it for any id or nonce of your own.
 *
 * @since 0.2.0
 */
public final class Ids {

    /** Where ids come from on Linux, the platform AgentCore runs: the kernel's generator, read per id. */
    static final Path OS_ENTROPY = Path.of("/dev/urandom");

    private static final Ids SHARED = open(OS_ENTROPY);

    private final FileChannel source;

    private Ids(FileChannel source) {
        this.source = source;
    }

    /**
     * Opens {@code path} as the entropy source; without it (not Linux, e.g. a developer's Windows machine, where no
     * snapshot is taken) ids come from a {@link SecureRandom} created per id.
     */
    static Ids open(Path path) {
        try {
            return new Ids(FileChannel.open(path, StandardOpenOption.READ));
        } catch (IOException | UnsupportedOperationException | SecurityException unavailable) {
            return new Ids(null);
        }
    }

    /** A random (version 4) UUID, e.g. for a request id the caller did not send. */
    public static String uuid() {
        return SHARED.nextUuid();
    }

    /** {@code count} bytes of fresh OS entropy. */
    public static byte[] randomBytes(int count) {
        return SHARED.nextBytes(count);
    }

    String nextUuid() {
        ByteBuffer bytes = ByteBuffer.wrap(nextBytes(16));
        long high = (bytes.getLong() & ~0xF000L) | 0x4000L;
        long low = (bytes.getLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    byte[] nextBytes(int count) {
        byte[] bytes = new byte[count];
        if (source == null) {
            new SecureRandom().nextBytes(bytes);
            return bytes;
        }
        ByteBuffer target = ByteBuffer.wrap(bytes);
        try {
            // A positional read keeps no file offset, the same for the device and for a test's file.
            while (target.hasRemaining()) {
                if (source.read(target, target.position()) < 0) {
                    throw new IOException("end of " + OS_ENTROPY);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read random bytes from " + OS_ENTROPY, e);
        }
        return bytes;
    }

    /** Whether ids come from the OS entropy file (rather than the SecureRandom fallback). */
    boolean readsOsEntropy() {
        return source != null;
    }
}
