package io.github.agentcore4j.maven.core.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the commit checked out in the Git work tree around a directory, for the
 * {@code org.opencontainers.image.revision} label. Reads {@code .git} files directly, so no {@code git} executable is
 * needed; anything it does not understand yields no revision rather than a wrong one.
 */
public final class GitRevision {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private GitRevision() {
    }

    /** The commit id checked out for {@code directory} or its nearest ancestor with a {@code .git}, if any. */
    public static Optional<String> of(Path directory) {
        for (Path current = directory.toAbsolutePath().normalize(); current != null; current = current.getParent()) {
            Path dotGit = current.resolve(".git");
            if (Files.exists(dotGit)) {
                try {
                    return resolveHead(gitDirectory(dotGit));
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** {@code .git} is a directory, or in worktrees and submodules a file saying {@code gitdir: <path>}. */
    private static Path gitDirectory(Path dotGit) throws IOException {
        if (Files.isDirectory(dotGit)) {
            return dotGit;
        }
        String pointer = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
        return dotGit.getParent().resolve(pointer.substring("gitdir:".length()).trim()).normalize();
    }

    private static Optional<String> resolveHead(Path gitDirectory) throws IOException {
        String head = Files.readString(gitDirectory.resolve("HEAD"), StandardCharsets.UTF_8).trim();
        if (!head.startsWith("ref:")) {
            return commit(head);
        }
        String ref = head.substring("ref:".length()).trim();
        // A linked worktree keeps HEAD in its own directory but branches in the common one.
        Path commonDirectory = Files.exists(gitDirectory.resolve("commondir"))
                ? gitDirectory.resolve(Files.readString(gitDirectory.resolve("commondir"), StandardCharsets.UTF_8)
                        .trim()).normalize()
                : gitDirectory;
        for (Path directory : List.of(gitDirectory, commonDirectory)) {
            Path loose = directory.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return commit(Files.readString(loose, StandardCharsets.UTF_8).trim());
            }
        }
        Path packed = commonDirectory.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split(" ", 2);
                if (parts.length == 2 && parts[1].equals(ref)) {
                    return commit(parts[0]);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> commit(String candidate) {
        return COMMIT.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
    }
}
