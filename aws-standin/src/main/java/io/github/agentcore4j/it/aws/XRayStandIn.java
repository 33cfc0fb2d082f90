package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * AWS X-Ray (REST-JSON), the part observability setup uses: where trace segments go. GetTraceSegmentDestination
 * answers the destination ({@code XRay} until changed) and its status; UpdateTraceSegmentDestination switches it
 * ({@code XRay} or {@code CloudWatchLogs}, the Transaction Search setting) and answers {@code PENDING}, which the next
 * Get reads as {@code ACTIVE}. Another destination is X-Ray's {@code InvalidRequestException}.
 */
public final class XRayStandIn {

    /** The route table: X-Ray's operations are {@code POST /<operation>}. */
    static final Set<String> OPERATIONS = Set.of("GetTraceSegmentDestination", "UpdateTraceSegmentDestination");
    private static final Set<String> DESTINATIONS = Set.of("XRay", "CloudWatchLogs");

    /** The model's {@code TraceSegmentDestinationStatus}. */
    private enum DestinationStatus { PENDING, ACTIVE }

    private String destination = "XRay";
    private DestinationStatus status = DestinationStatus.ACTIVE;

    /** The operation a request calls, or {@code null} when it is not one of X-Ray's routes. */
    static String operation(AwsRequest request) {
        String name = request.rawPath().startsWith("/") ? request.rawPath().substring(1) : "";
        return request.method().equals("POST") && OPERATIONS.contains(name) ? name : null;
    }

    public synchronized String destination() {
        return destination;
    }

    synchronized Reply handle(String operation, AwsRequest request) {
        if (operation.equals("UpdateTraceSegmentDestination")) {
            JsonNode input = request.json();
            String wanted = input.path("Destination").asText(null);
            if (wanted != null && !DESTINATIONS.contains(wanted)) {
                throw new ServiceError(400, "InvalidRequestException", "1 validation error detected: Value '" + wanted
                        + "' at 'destination' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[XRay, CloudWatchLogs]");
            }
            if (wanted != null && !wanted.equals(destination)) {
                destination = wanted;
                status = DestinationStatus.PENDING;
            }
            return destinationReply();
        }
        status = DestinationStatus.ACTIVE;
        return destinationReply();
    }

    private Reply destinationReply() {
        return Reply.json(200, Json.object().put("Destination", destination).put("Status", status.name()), Map.of());
    }
}
