package io.github.agentcore4j.maven.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRevisionTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path work;

    @Test
    void followsHeadToALooseBranchFromASubdirectory() throws IOException {
        Path git = Files.createDirectories(work.resolve(".git/refs/heads"));
        Files.writeString(work.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(git.resolve("main"), COMMIT + "\n");
        Path module = Files.createDirectories(work.resolve("module/sub"));
        assertEquals(Optional.of(COMMIT), GitRevision.of(module));
    }

    @Test
    void readsPackedRefsAndDetachedHeads() throws IOException {
        Files.createDirectories(work.resolve(".git"));
        Files.writeString(work.resolve(".git/HEAD"), "ref: refs/heads/release\n");
        Files.writeString(work.resolve(".git/packed-refs"),
                "# pack-refs with: peeled fully-peeled sorted\n" + COMMIT + " refs/heads/release\n");
        assertEquals(Optional.of(COMMIT), GitRevision.of(work));

        Files.writeString(work.resolve(".git/HEAD"), COMMIT + "\n");
        assertEquals(Optional.of(COMMIT), GitRevision.of(work));
    }

    @Test
    void followsAWorktreePointerToTheCommonDirectory() throws IOException {
        Path main = Files.createDirectories(work.resolve("main/.git/refs/heads"));
        Files.writeString(main.resolve("feature"), COMMIT + "\n");
        Path worktreeGit = Files.createDirectories(work.resolve("main/.git/worktrees/feature"));
        Files.writeString(worktreeGit.resolve("HEAD"), "ref: refs/heads/feature\n");
        Files.writeString(worktreeGit.resolve("commondir"), "../..\n");
        Path worktree = Files.createDirectories(work.resolve("feature"));
        Files.writeString(worktree.resolve(".git"), "gitdir: ../main/.git/worktrees/feature\n");
        assertEquals(Optional.of(COMMIT), GitRevision.of(worktree));
    }

    @Test
    void anUnbornBranchHasNoRevision() throws IOException {
        Files.createDirectories(work.resolve(".git"));
        Files.writeString(work.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        assertEquals(Optional.empty(), GitRevision.of(work));
    }
}
