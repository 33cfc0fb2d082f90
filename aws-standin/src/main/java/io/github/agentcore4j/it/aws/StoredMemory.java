package io.github.agentcore4j.it.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of an AgentCore memory in the stand-in: its {@link MemoryStatus}, event expiry in days, execution role
 * and strategies, as GetMemory would answer them now.
 */
public record StoredMemory(String id, String name, String arn, MemoryStatus status, String failureReason,
                           int eventExpiryDays, String executionRoleArn, List<StoredStrategy> strategies,
                           Map<String, String> tags, Instant createdAt) {

    public Optional<StoredStrategy> strategyOfType(String type) {
        return strategies.stream().filter(strategy -> strategy.type().equals(type)).findFirst();
    }
}
