package io.github.agentcore4j.maven;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * The process's own standard output, for what goals print as data rather than log: invoke's answers and the local
 * agent's output. Maven 4 routes a plugin's {@code System.out} through its logger ({@code [INFO] [stdout] {...}}),
 * which would break {@code mvn -q agentcore:invoke | jq}; writing to the descriptor works the same on Maven 3 and 4.
 */
final class StandardOutput {

    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            Charset.defaultCharset());

    private StandardOutput() {
    }

    /** Prints one line and flushes it, so a stream's events show as they arrive. */
    static void println(String line) {
        OUT.println(line);
    }
}
