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
 * {@code java [-Dagentcore.engine=jetty] -cp echo-agent.jar[:jetty jars] BodyHeap.java MiB…}.
 */
public final class BodyHeap {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int RUNS = 3;
    private static final List<String> SHAPES = List.of("one_string", "escaped", "chunks");
    /** What the heap-needed search runs: the image's collector, and a young generation too small to matter. */
    private static final List<String> NEEDS_FLAGS = List.of("-XX:+UseSerialGC", "-Xmn8m", "-XX:TieredStopAtLevel=1");

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
            once(args[1], Integer.parseInt(args[2]));
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
     * The heap one invocation needs, garbage aside: the smallest {@code -Xmx} (to 2 MiB) in which a fresh agent
     * answers the body 200, less the smallest for a 1 MiB body of the same shape, run in child JVMs that hold the
     * client's copy of the body off the heap. Prints one JSON line.
     */
    private static void needs(String source, String shape, int mib) throws Exception {
        int needed = smallestHeapMib(source, shape, mib) - smallestHeapMib(source, shape, 1);
        System.out.printf("{\"shape\":\"%s\",\"engine\":\"%s\",\"body_mib\":%d,\"needs_heap_mib\":%d,"
                + "\"needs_heap_x\":%.2f}%n", shape, System.getProperty("agentcore.engine", "jdk"), mib, needed,
                (double) needed / (mib - 1));
    }

    private static int smallestHeapMib(String source, String shape, int mib) throws Exception {
        int fails = 8;
        int fits = 32 + 8 * mib;
        while (fits - fails > 2) {
            int tried = (fails + fits) / 2;
            if (answers200(source, shape, mib, tried)) {
                fits = tried;
            } else {
                fails = tried;
            }
        }
        return fits;
    }

    private static boolean answers200(String source, String shape, int mib, int heapMib) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        command.addAll(NEEDS_FLAGS);
        command.addAll(List.of("-Xmx" + heapMib + "m",
                "-Dagentcore.engine=" + System.getProperty("agentcore.engine", "jdk"),
                "-cp", System.getProperty("java.class.path"), source, "--once", shape, Integer.toString(mib)));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            return false;
        }
        return output.contains("HTTP/1.1 200");
    }

    /** One invocation in a fresh agent, the client's body copied off the heap first; prints the status line. */
    private static void once(String shape, int mib) throws Exception {
        byte[] built = body(shape, mib * 1024 * 1024);
        ByteBuffer body = ByteBuffer.allocateDirect(built.length).put(built).flip();
        built = null;
        System.gc();
        AgentServer agent = EchoAgent.create().host("127.0.0.1").port(0).start();
        try {
            System.out.println(invoke(agent.port(), body));
        } catch (Exception | OutOfMemoryError failed) {
            System.out.println("failed: " + failed);
        } finally {
            agent.stop();
        }
    }

    /** Sends the body and reads the answer; returns the status line. */
    private static String invoke(int port, ByteBuffer body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
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
