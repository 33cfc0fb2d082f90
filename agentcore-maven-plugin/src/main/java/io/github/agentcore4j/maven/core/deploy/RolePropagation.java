package io.github.agentcore4j.maven.core.deploy;

import io.github.agentcore4j.maven.core.BuildLog;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ValidationException;

/**
 * Retries a runtime create or update while IAM has not yet propagated a new execution role: the service then
 * answers ValidationException "Role validation failed ..." (or "... cannot be assumed"), which goes away within
 * seconds to a minute. Any other error is not retried.
 */
final class RolePropagation {

    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(90);

    private RolePropagation() {
    }

    static boolean isPropagationError(ValidationException e) {
        String message = String.valueOf(e.awsErrorDetails() == null ? e.getMessage()
                : e.awsErrorDetails().errorMessage());
        return message.contains("Role validation failed") || message.contains("cannot be assumed");
    }

    static <T> T retry(String roleArn, Supplier<T> call, BuildLog log) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                return call.get();
            } catch (ValidationException e) {
                if (!isPropagationError(e) || System.nanoTime() + pause.toNanos() > deadline) {
                    throw e;
                }
                log.info("AgentCore cannot assume " + roleArn + " yet (IAM is still propagating it); retrying in "
                        + pause.toSeconds() + " s");
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }
}
