package io.github.agentcore4j.runtime;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One thread per request: a virtual thread on Java 21+, so a thousand blocked handlers cost little, else a platform
 * thread from a cached pool. Either way {@code /ping} never waits behind a busy handler.
 */
final class InvocationThreads {

    private InvocationThreads() {
    }

    static ExecutorService create() {
        try {
            Method virtual = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return (ExecutorService) virtual.invoke(null);
        } catch (ReflectiveOperationException olderThanJava21) {
            AtomicInteger count = new AtomicInteger();
            ThreadFactory daemons = work -> {
                Thread thread = new Thread(work, "agentcore-invocation-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            return Executors.newCachedThreadPool(daemons);
        }
    }

    static boolean virtual() {
        try {
            Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
