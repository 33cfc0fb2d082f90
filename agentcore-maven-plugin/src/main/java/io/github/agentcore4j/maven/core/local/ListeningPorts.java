package io.github.agentcore4j.maven.core.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The TCP ports a process tree listens on, read from Linux's {@code /proc} (the process's socket descriptors matched
 * with the listening sockets in {@code /proc/net/tcp} and {@code tcp6}). Used only to explain an agent that does not
 * answer where it was told to listen; elsewhere (no {@code /proc}) it finds nothing.
 */
final class ListeningPorts {

    private static final Path PROC = Path.of("/proc");
    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");
    private static final String LISTEN_STATE = "0A";

    private ListeningPorts() {
    }

    /** The ports the process and its descendants listen on, in ascending order; empty when unknown. */
    static SortedSet<Integer> of(ProcessHandle process) {
        Set<String> socketInodes = new HashSet<>();
        socketInodesOf(process.pid(), socketInodes);
        process.descendants().forEach(child -> socketInodesOf(child.pid(), socketInodes));
        SortedSet<Integer> ports = new TreeSet<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            listeningPortsIn(PROC.resolve(table), socketInodes, ports);
        }
        return ports;
    }

    private static void socketInodesOf(long pid, Set<String> inodes) {
        try (Stream<Path> descriptors = Files.list(PROC.resolve(Long.toString(pid)).resolve("fd"))) {
            descriptors.forEach(descriptor -> {
                try {
                    Matcher socket = SOCKET_LINK.matcher(Files.readSymbolicLink(descriptor).toString());
                    if (socket.matches()) {
                        inodes.add(socket.group(1));
                    }
                } catch (IOException closedMeanwhile) {
                    // The descriptor was closed while we listed them.
                }
            });
        } catch (IOException | UnsupportedOperationException noProcFileSystem) {
            // Not Linux, or the process is gone: nothing to report.
        }
    }

    /** Reads lines like {@code 0: 0100007F:1F90 00000000:0000 0A ... 12345}: local address, state, inode. */
    private static void listeningPortsIn(Path table, Set<String> socketInodes, Set<Integer> ports) {
        if (socketInodes.isEmpty() || !Files.isReadable(table)) {
            return;
        }
        try (Stream<String> lines = Files.lines(table)) {
            lines.skip(1).map(line -> line.trim().split("\\s+"))
                    .filter(fields -> fields.length > 9 && LISTEN_STATE.equals(fields[3])
                            && socketInodes.contains(fields[9]))
                    .forEach(fields -> ports.add(Integer.parseInt(
                            fields[1].substring(fields[1].lastIndexOf(':') + 1), 16)));
        } catch (IOException | RuntimeException unreadable) {
            // An unreadable table only means we cannot explain; the caller still reports the timeout.
        }
    }
}
