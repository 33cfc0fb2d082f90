import com.sun.management.ThreadMXBean;
import io.github.agentcore4j.examples.echo.EchoAgent;
import io.github.agentcore4j.runtime.AgentServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Heap one invocation of the echo agent costs for a large body, measured inside the agent's JVM: the bytes every
 * thread allocated while the invocation ran ({@code getTotalThreadAllocatedBytes}, which counts every copy however
 * short-lived) and the rise of the heap's peak occupancy over the idle heap (what the body needed at once). The
 * client writes a body built before the measurement straight to a socket and drops the answer through a small
 * buffer, so it adds almost nothing. Three shapes: {@code one_string} ({@code {"prompt":"aaa…"}}, echoed back whole),
 * {@code escaped} (the same with a {@code \n} escape every 64 bytes, so the string cannot be the body's bytes as they
 * are) and {@code chunks} ({@code {"prompt":"hi","chunks":["aaa…",…]}} in 1 KiB strings, only the prompt echoed).
 * The echo agent's own {@code "echo: " + prompt} is a whole copy of a {@code one_string} prompt: 1× of what is
 * allocated. Prints one JSON line per shape and size, naming the engine ({@code -Dagentcore.engine}). Usage:
 * {@code java [-Dagentcore.engine=jetty] -cp echo-agent.jar[:jetty jars] BodyHeap.java MiB…}; with
 * {@code --needs BodyHeap.java MiB…} instead, the heap each body needs, garbage aside ({@link #needs}).
 */
public final class BodyHeap {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int RUNS = 3;
    private static final List<String> SHAPES = List.of("one_string", "escaped", "chunks");
    private static final long MIB = 1024 * 1024;
    /**
     * What the heap-needed search runs: the image's collector, and a young generation too small for much to hide in
     * (with 8 MiB, live objects of the baseline sat in it while the large body's run had them in the old one).
     */
    private static final long YOUNG_BYTES = 512 * 1024;
    private static final List<String> NEEDS_FLAGS = List.of("-XX:+UseSerialGC", "-Xmn" + YOUNG_BYTES / 1024 + "k",
            "-XX:TieredStopAtLevel=1");
    /** The baseline body: just over the size where the library switches to its large-body path, so both take it. */
    private static final long BASELINE_BYTES = 128 * 1024;
    /** The ballast search's resolution. */
    private static final long BALLAST_STEP = 128 * 1024;
    /** How long a client waits for any byte of the answer (an agent out of heap may send none). */
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    /** Heap held by a {@code --once} child, so that the agent has only what is left. */
    private static byte[] heldBallast;

    private BodyHeap() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--needs")) {
            for (int i = 2; i < args.length; i++) {
                for (String shape : SHAPES) {
                    needs(args[1], shape, Integer.parseInt(args[i]));
                }
            }
            return;
        }
        if (args.length > 0 && args[0].equals("--once")) {
            once(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]));
            return;
        }
        AgentServer agent = EchoAgent.create().host("127.0.0.1").port(0).start();
        try {
            for (String mib : args) {
                int size = Integer.parseInt(mib) * 1024 * 1024;
                for (String shape : SHAPES) {
                    byte[] body = body(shape, size);
                    invoke(agent.port(), ByteBuffer.wrap(body)); // the first run loads classes; measure the second
                    measure(agent.port(), shape, body);
                }
            }
        } finally {
            agent.stop();
        }
    }

    /** Reports the median of {@link #RUNS} invocations: the peak is sampled by the JVM, mostly at collections. */
    private static void measure(int port, String shape, byte[] body) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        long[] allocations = new long[RUNS];
        long[] peaks = new long[RUNS];
        String status = "none";
        for (int run = 0; run < RUNS; run++) {
            System.gc();
            long idle = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long allocatedBefore = THREADS.getTotalThreadAllocatedBytes();
            status = invoke(port, ByteBuffer.wrap(body));
            allocations[run] = THREADS.getTotalThreadAllocatedBytes() - allocatedBefore;
            // Pools peak at different moments, so their summed peaks bound the heap's real peak from above.
            peaks[run] = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() - idle;
        }
        long allocated = median(allocations);
        long peak = median(peaks);
        double mib = 1024 * 1024;
        System.out.printf("{\"shape\":\"%s\",\"engine\":\"%s\",\"body_mib\":%.0f,\"status\":\"%s\",\"allocated_mib\":%.1f,"
                        + "\"allocated_x\":%.2f,\"peak_growth_mib\":%.1f,\"peak_growth_x\":%.2f}%n",
                shape, System.getProperty("agentcore.engine", "jdk"), body.length / mib, status, allocated / mib,
                (double) allocated / body.length,
                peak / mib, (double) peak / body.length);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * The heap one invocation needs, garbage aside, at a resolution finer than the miss it judges: in child JVMs of
     * one fixed heap and generation layout, the largest ballast (one array taken before the agent starts) that
     * still lets a fresh agent answer 200, for a {@link #BASELINE_BYTES} body and for the body measured; the
     * difference is what the larger body adds. The JVM sizes {@code -Xmx} in 2 MiB steps and a smaller heap has
     * another young generation, so comparing smallest heaps charged the larger body with up to 2 MiB of rounding
     * and the young generation the baseline did without. Prints one JSON line.
     */
    private static void needs(String source, String shape, int mib) throws Exception {
        long size = mib * MIB;
        long heap = 64 * MIB + 3 * size;
        long baseline = largestBallast(source, shape, BASELINE_BYTES, heap, 0, heap);
        long measured = largestBallast(source, shape, size, heap, 0, baseline);
        long needed = baseline - measured;
        // Each search rounds down to a step, and up to a young generation of live objects may sit outside the old
        // one in either run.
        long resolution = BALLAST_STEP + YOUNG_BYTES;
        System.out.printf("{\"shape\":\"%s\",\"engine\":\"%s\",\"body_mib\":%d,\"needs_heap_mib\":%.2f,"
                + "\"needs_heap_x\":%.3f,\"needs_resolution_x\":%.3f}%n", shape,
                System.getProperty("agentcore.engine", "jdk"), mib, (double) needed / MIB,
                (double) needed / (size - BASELINE_BYTES), (double) resolution / (size - BASELINE_BYTES));
    }

    /** The largest ballast, to {@link #BALLAST_STEP}, with which the body is answered 200; {@code fits} must fit. */
    private static long largestBallast(String source, String shape, long size, long heap, long fits, long fails)
            throws Exception {
        while (fails - fits > BALLAST_STEP) {
            long tried = (fits + fails) / 2 / BALLAST_STEP * BALLAST_STEP;
            if (answers200(source, shape, size, heap, tried)) {
                fits = tried;
            } else {
                fails = tried;
            }
        }
        return fits;
    }

    private static boolean answers200(String source, String shape, long size, long heap, long ballast)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        command.addAll(NEEDS_FLAGS);
        command.addAll(List.of("-Xmx" + heap / 1024 + "k",
                "-Dagentcore.engine=" + System.getProperty("agentcore.engine", "jdk"),
                "-cp", System.getProperty("java.class.path"), source, "--once", shape, Long.toString(size),
                Long.toString(ballast)));
        // A file, not a pipe: an agent out of heap may log at length. One that never answers is ended by its own
        // read timeout.
        Path output = Files.createTempFile("body-heap", ".out");
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!child.waitFor(120, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
                return false;
            }
            String said = Files.readString(output, StandardCharsets.ISO_8859_1);
            if (said.contains("Error occurred during initialization of VM")) {
                throw new IllegalStateException("The child JVM did not start (" + said.strip() + "): " + command);
            }
            // Out of heap, a child may fail even to say so: anything but a 200 is a heap too small.
            return said.contains("answered: HTTP/1.1 200");
        } finally {
            Files.delete(output);
        }
    }

    /**
     * One invocation in a fresh agent, the client's body copied off the heap first and {@code ballast} bytes of the
     * heap taken; prints the status line (or why there is none).
     */
    private static void once(String shape, int size, long ballast) throws Exception {
        byte[] built = body(shape, size);
        ByteBuffer body = ByteBuffer.allocateDirect(built.length).put(built).flip();
        built = null;
        System.gc();
        try {
            heldBallast = new byte[(int) ballast];
            AgentServer agent = EchoAgent.create().host("127.0.0.1").port(0).start();
            try {
                System.out.println("answered: " + invoke(agent.port(), body));
            } finally {
                agent.stop();
            }
        } catch (Exception | OutOfMemoryError failed) {
            heldBallast = null;
            System.out.println("failed: " + failed);
        }
    }

    /** Sends the body and reads the answer; returns the status line. */
    private static String invoke(int port, ByteBuffer body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /invocations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.remaining() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[64 * 1024];
            for (ByteBuffer left = body.duplicate(); left.hasRemaining(); ) {
                int step = Math.min(buffer.length, left.remaining());
                left.get(buffer, 0, step);
                out.write(buffer, 0, step);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read(buffer);
            String head = new String(buffer, 0, Math.max(first, 0), StandardCharsets.ISO_8859_1);
            while (in.read(buffer) > 0) {
                // the answer is dropped
            }
            return head.isEmpty() ? "none" : head.substring(0, head.indexOf('\r'));
        }
    }

    private static byte[] body(String shape, int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        if (!shape.equals("chunks")) {
            put(body, 0, "{\"prompt\":\"");
            put(body, size - 2, "\"}");
            for (int at = 64; shape.equals("escaped") && at < size - 4; at += 64) {
                put(body, at, "\\n");
            }
            return body;
        }
        String head = "{\"prompt\":\"hi\",\"chunks\":[\"";
        put(body, 0, head);
        // a 1 KiB string every 1025 bytes ("aaa…","aaa…",…), the last one taking what is left
        for (int at = head.length() + 1022; at + 4 < size - 3; at += 1025) {
            put(body, at, "\",\"");
        }
        put(body, size - 3, "\"]}");
        return body;
    }

    private static void put(byte[] body, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, body, at, bytes.length);
    }
}
