package io.github.agentcore4j.maven.core.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Ends a process tree: a graceful request first, then a forced kill for whatever is still alive. */
final class ProcessTermination {

    private static final Duration FORCED_EXIT_TIMEOUT = Duration.ofSeconds(10);

    private ProcessTermination() {
    }

    static void terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long remaining = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                handle.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        for (ProcessHandle handle : tree) {
            awaitForcedExit(handle);
        }
    }

    private static void awaitForcedExit(ProcessHandle handle) {
        try {
            handle.onExit().get(FORCED_EXIT_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new AgentStartException("Process " + handle.pid() + " did not exit even when killed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
