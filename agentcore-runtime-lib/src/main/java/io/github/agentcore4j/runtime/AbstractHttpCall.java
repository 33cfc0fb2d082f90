package io.github.agentcore4j.runtime;

/** What every engine's {@link HttpCall} shares: the hook that ends an open response stream when the server stops. */
abstract class AbstractHttpCall implements HttpCall {

    private volatile Runnable endStream;

    @Override
    public final void onServerStop(Runnable endStream) {
        this.endStream = endStream;
    }

    @Override
    public final void serverStopping() {
        Runnable end = endStream;
        if (end != null) {
            end.run();
        }
    }
}
