package io.github.agentcore4j.it.aws;

import java.util.Map;

/**
 * A request the stand-in received, with the service and operation it was routed to (the AWS operation name, e.g.
 * {@code CreateAgentRuntime}; {@code Unknown:<what>} for a request no operation matches) and, for a REST operation,
 * the values of its URI labels (e.g. {@code agentRuntimeId}).
 */
public record RecordedRequest(AwsService service, String operation, AwsRequest request, Map<String, String> labels) {

    RecordedRequest(AwsService service, String operation, AwsRequest request) {
        this(service, operation, request, Map.of());
    }

    @Override
    public String toString() {
        return service + " " + operation + " (" + request.method() + " " + request.rawPath() + ")";
    }
}
