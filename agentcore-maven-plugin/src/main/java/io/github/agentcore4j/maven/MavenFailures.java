package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.AgentCoreException;
import io.github.agentcore4j.maven.core.aws.AwsErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place where what a goal throws becomes Maven's exceptions: an {@link AgentCoreException} by its kind
 * (settings and project: {@link MojoFailureException}, the environment: {@link MojoExecutionException}), an AWS
 * failure explained by {@link AwsErrors}, I/O failures, and an interrupt, which also keeps the thread's interrupt
 * flag so Maven sees it.
 */
final class MavenFailures {

    private MavenFailures() {
    }

    /** Throws the Maven exception for {@code failure}, which {@code agentcore:<goal>} threw. */
    static void rethrow(String goal, Exception failure) throws MojoExecutionException, MojoFailureException {
        if (failure instanceof AgentCoreException core) {
            if (core.kind() == AgentCoreException.Kind.FAILURE) {
                throw new MojoFailureException(core.getMessage(), core);
            }
            throw new MojoExecutionException(core.getMessage(), core);
        }
        if (failure instanceof SdkException aws) {
            throw new MojoExecutionException(AwsErrors.explain("agentcore:" + goal, aws), aws);
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("agentcore:" + goal + " was interrupted", failure);
        }
        if (failure instanceof UncheckedIOException io) {
            throw new MojoExecutionException(io.getMessage() + ": " + io.getCause().getMessage(), io);
        }
        if (failure instanceof IOException) {
            throw new MojoExecutionException("agentcore:" + goal + " failed: " + failure, failure);
        }
        if (failure instanceof RuntimeException unexpected) {
            throw unexpected;
        }
        throw new MojoExecutionException("agentcore:" + goal + " failed: " + failure, failure);
    }
}
