package io.github.agentcore4j.it.aws;

/**
 * A request the stand-in received, with the service and operation it was routed to (the AWS operation name, e.g.
 * {@code CreateAgentRuntime}; {@code Unknown:<what>} for a request no operation matches).
 */
public record RecordedRequest(AwsService service, String operation, AwsRequest request) {

    @Override
    public String toString() {
        return service + " " + operation + " (" + request.method() + " " + request.rawPath() + ")";
    }
}
