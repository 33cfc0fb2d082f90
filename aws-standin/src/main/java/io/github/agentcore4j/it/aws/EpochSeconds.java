package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Timestamps as the REST-JSON protocol writes them by default: seconds since the epoch, with milliseconds as the
 * fraction ({@code 1764500000.123}).
 */
final class EpochSeconds {

    private EpochSeconds() {
    }

    static JsonNode of(Instant instant) {
        return DecimalNode.valueOf(BigDecimal.valueOf(instant.toEpochMilli(), 3));
    }

    /** A timestamp member as a client sent it: epoch seconds (the SDKs) or an ISO-8601 text. */
    static Instant read(JsonNode value) {
        if (value.isNumber()) {
            return Instant.ofEpochMilli(value.decimalValue().movePointRight(3).longValue());
        }
        try {
            return Instant.parse(value.asText());
        } catch (RuntimeException e) {
            throw new ServiceError(400, "SerializationException", "Cannot read '" + value.asText() + "' as a timestamp");
        }
    }
}
