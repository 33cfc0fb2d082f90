package io.github.agentcore4j.maven.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.MemoryBuildLog;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ValidationException;

class RolePropagationTest {

    private static ValidationException validation(String message) {
        return (ValidationException) ValidationException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").errorMessage(message)
                        .build())
                .statusCode(400).build();
    }

    @Test
    void onlyTheRoleErrorsOfIamPropagationAreRetried() {
        assertTrue(RolePropagation.isPropagationError(validation("Role validation failed for 'arn:aws:iam::1:role/r'."
                + " Please verify that the role exists and its trust policy allows assumption by this service")));
        assertTrue(RolePropagation.isPropagationError(validation("The role arn:aws:iam::1:role/r cannot be assumed")));
        assertFalse(RolePropagation.isPropagationError(validation("Value 'my-agent' at 'agentRuntimeName' failed")));
    }

    @Test
    void retriesUntilTheRoleCanBeAssumedAndRethrowsOtherErrorsAtOnce() throws Exception {
        MemoryBuildLog log = new MemoryBuildLog();
        AtomicInteger calls = new AtomicInteger();

        String result = RolePropagation.retry("arn:aws:iam::1:role/r", () -> {
            if (calls.incrementAndGet() == 1) {
                throw validation("Role validation failed for 'arn:aws:iam::1:role/r'");
            }
            return "created";
        }, log);

        assertEquals("created", result);
        assertEquals(2, calls.get());
        ValidationException other = validation("Value null at 'roleArn' failed to satisfy constraint");
        assertSame(other, assertThrows(ValidationException.class,
                () -> RolePropagation.retry("arn:aws:iam::1:role/r", () -> {
                    throw other;
                }, log)));
    }
}
