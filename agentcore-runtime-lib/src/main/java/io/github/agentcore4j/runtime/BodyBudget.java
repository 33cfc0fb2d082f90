package io.github.agentcore4j.runtime;

/**
 * The request body bytes every request together may hold at once, so a burst of large legal bodies is refused with
 * 503 before the heap runs out. Shared by every protocol's endpoint: they all draw on the one heap of the JVM.
 */
final class BodyBudget {

    private static final BodyBudget SHARED = new BodyBudget(ServerLimits.bodyBudgetBytes());

    private final long capacity;
    private long reserved;

    BodyBudget(long capacity) {
        this.capacity = capacity;
    }

    static BodyBudget shared() {
        return SHARED;
    }

    long capacity() {
        return capacity;
    }

    /**
     * Reserves {@code bytes} when they fit, or when nothing else is reserved: one body always proceeds, so a budget
     * smaller than the largest legal body slows such bodies down to one at a time instead of refusing them forever.
     */
    synchronized boolean tryReserve(long bytes) {
        if (reserved > 0 && reserved + bytes > capacity) {
            return false;
        }
        reserved += bytes;
        return true;
    }

    synchronized void release(long bytes) {
        reserved -= bytes;
    }
}
