package io.github.agentcore4j.it.aws;

import java.util.List;

/**
 * A long-term memory strategy of a {@link StoredMemory}: its id, name, type as the model's
 * {@code MemoryStrategyType} names it ({@code SEMANTIC}, {@code SUMMARIZATION}, {@code USER_PREFERENCE},
 * {@code CUSTOM}, {@code EPISODIC}), namespace templates and {@link MemoryStatus}.
 */
public record StoredStrategy(String strategyId, String name, String type, List<String> namespaces,
                             MemoryStatus status) {
}
