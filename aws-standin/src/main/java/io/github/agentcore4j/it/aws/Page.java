package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One page of a list answer, as every paged operation of the stand-in writes it: the items from an offset under their
 * field, and a {@code nextToken} naming the next offset when more remain. Each service checks its own paging input
 * and words its own errors; only the token's form differs.
 */
final class Page {

    private Page() {
    }

    /** The page of {@code items} from {@code from}, at most {@code size}, under {@code field}. */
    static ObjectNode of(String field, List<? extends JsonNode> items, int from, int size, IntFunction<String> token) {
        ObjectNode json = Json.object();
        ArrayNode array = json.putArray(field);
        items.subList(from, Math.min(items.size(), from + size)).forEach(array::add);
        if (from + size < items.size()) {
            json.put("nextToken", token.apply(from + size));
        }
        return json;
    }
}
