package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Pages a list the way the AgentCore operations that take {@code maxResults} and {@code nextToken} in the JSON body do
 * (memory and identity): {@code nextToken} is an opaque offset the stand-in issued; a token it did not issue is a
 * ValidationException.
 */
final class BodyPaging {

    private BodyPaging() {
    }

    /** The page of {@code items} the input asks for, under {@code field}, with a {@code nextToken} when more remain. */
    static ObjectNode page(JsonNode input, int defaultSize, String field, List<? extends JsonNode> items) {
        int size = input.path("maxResults").asInt(defaultSize);
        String token = input.path("nextToken").asText("");
        int from;
        try {
            from = token.isEmpty() ? 0 : Integer.parseInt(token.substring(token.indexOf('-') + 1));
        } catch (NumberFormatException e) {
            throw ServiceError.validation("Invalid nextToken: " + token);
        }
        if (!token.isEmpty() && (!token.startsWith("page-") || from > items.size())) {
            throw ServiceError.validation("Invalid nextToken: " + token);
        }
        return Page.of(field, items, from, size, next -> "page-" + next);
    }
}
