package io.github.agentcore4j.it.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.InvalidRequestException;
import software.amazon.awssdk.services.xray.model.TraceSegmentDestination;
import software.amazon.awssdk.services.xray.model.TraceSegmentDestinationStatus;

/** CloudWatch Logs and X-Ray through the real SDK clients: state, tokens, filters, errors, and the test hook. */
class LogsAndXRayStandInTest {

    private static final String GROUP = LogsStandIn.runtimeLogGroup("demo-AbCdEfGhIj", "DEFAULT");

    private AwsStandIn aws;
    private CloudWatchLogsClient logs;
    private XRayClient xray;

    @BeforeEach
    void start() {
        aws = AwsStandIn.builder().start();
        logs = SdkClients.of(aws).logs();
        xray = SdkClients.of(aws).xray();
    }

    @AfterEach
    void stop() {
        xray.close();
        logs.close();
        aws.close();
    }

    @Test
    void groupsStreamsRetentionAndEvents() {
        logs.createLogGroup(request -> request.logGroupName(GROUP));
        assertThrows(ResourceAlreadyExistsException.class, () -> logs.createLogGroup(request -> request.logGroupName(GROUP)));
        assertThrows(InvalidParameterException.class, () -> logs.createLogGroup(request -> request.logGroupName("bad name")));
        logs.putRetentionPolicy(request -> request.logGroupName(GROUP).retentionInDays(14));
        assertThrows(InvalidParameterException.class, () -> logs.putRetentionPolicy(request -> request
                .logGroupName(GROUP).retentionInDays(10)));

        List<LogGroup> groups = logs.describeLogGroups(request -> request.logGroupNamePrefix("/aws/bedrock-agentcore/"))
                .logGroups();
        assertEquals(List.of(GROUP), groups.stream().map(LogGroup::logGroupName).toList());
        assertEquals(14, groups.get(0).retentionInDays());
        assertEquals("arn:aws:logs:us-east-1:123456789012:log-group:" + GROUP + ":*", groups.get(0).arn());
        assertEquals(Optional.of(14), aws.logs().retentionInDays(GROUP));

        logs.createLogStream(request -> request.logGroupName(GROUP).logStreamName("runtime-logs"));
        assertThrows(ResourceNotFoundException.class, () -> logs.putLogEvents(request -> request.logGroupName(GROUP)
                .logStreamName("missing").logEvents(InputLogEvent.builder().timestamp(1L).message("x").build())));
        logs.putLogEvents(request -> request.logGroupName(GROUP).logStreamName("runtime-logs").logEvents(
                InputLogEvent.builder().timestamp(1_000L).message("started").build(),
                InputLogEvent.builder().timestamp(2_000L).message("ERROR boom").build()));
        assertThrows(InvalidParameterException.class, () -> logs.putLogEvents(request -> request.logGroupName(GROUP)
                .logStreamName("runtime-logs").logEvents(InputLogEvent.builder().timestamp(5L).message("b").build(),
                        InputLogEvent.builder().timestamp(4L).message("a").build())));
        assertEquals("Logs_20140328.PutLogEvents", aws.requests("PutLogEvents").get(0).request().header("X-Amz-Target"));

        assertEquals(List.of("started", "ERROR boom"), aws.logs().events(GROUP).stream()
                .map(LogsStandIn.LogEvent::message).toList());
        assertEquals(2_000L, logs.describeLogStreams(request -> request.logGroupName(GROUP)
                .orderBy(OrderBy.LAST_EVENT_TIME).descending(true)).logStreams().get(0).lastEventTimestamp());
        assertThrows(ResourceNotFoundException.class, () -> logs.describeLogStreams(request -> request
                .logGroupName("/aws/none")));
    }

    @Test
    void getLogEventsPagesBothWaysAndFollowsNewEvents() {
        aws.logs().append(GROUP, "runtime-logs", "one", "two", "three");
        GetLogEventsResponse tail = logs.getLogEvents(request -> request.logGroupName(GROUP)
                .logStreamName("runtime-logs").limit(2));
        assertEquals(List.of("two", "three"), tail.events().stream().map(OutputLogEvent::message).toList());
        GetLogEventsResponse earlier = logs.getLogEvents(request -> request.logGroupName(GROUP)
                .logStreamName("runtime-logs").nextToken(tail.nextBackwardToken()).limit(2));
        assertEquals(List.of("one"), earlier.events().stream().map(OutputLogEvent::message).toList());

        GetLogEventsResponse nothingYet = logs.getLogEvents(request -> request.logGroupName(GROUP)
                .logStreamName("runtime-logs").nextToken(tail.nextForwardToken()));
        assertTrue(nothingYet.events().isEmpty());
        assertEquals(tail.nextForwardToken(), nothingYet.nextForwardToken(), "the same token means: no more yet");
        aws.logs().append(GROUP, "runtime-logs", "four");
        assertEquals(List.of("four"), logs.getLogEvents(request -> request.logGroupName(GROUP)
                .logStreamName("runtime-logs").nextToken(nothingYet.nextForwardToken())).events().stream()
                .map(OutputLogEvent::message).toList());
    }

    @Test
    void filterLogEventsByPatternStreamAndTime() {
        aws.logs().append(GROUP, "a", "INFO ready", "ERROR first failure");
        aws.logs().append(GROUP, "b", "ERROR second failure");
        List<FilteredLogEvent> errors = logs.filterLogEventsPaginator(request -> request.logGroupName(GROUP)
                .filterPattern("ERROR failure").limit(1)).events().stream().toList();
        assertEquals(List.of("a: ERROR first failure", "b: ERROR second failure"), errors.stream()
                .map(event -> event.logStreamName() + ": " + event.message()).toList());
        assertEquals(List.of("ERROR second failure"), logs.filterLogEvents(request -> request
                .logGroupIdentifier(GROUP).logStreamNames("b")).events().stream().map(FilteredLogEvent::message).toList());
        assertEquals(List.of("INFO ready"), logs.filterLogEvents(request -> request.logGroupName(GROUP)
                .filterPattern("\"INFO ready\"")).events().stream().map(FilteredLogEvent::message).toList());
        long now = aws.clock().now().toEpochMilli();
        assertTrue(logs.filterLogEvents(request -> request.logGroupName(GROUP).startTime(now + 60_000)).events()
                .isEmpty());
    }

    @Test
    void xRayTraceSegmentDestination() {
        assertEquals(TraceSegmentDestination.X_RAY, xray.getTraceSegmentDestination(request -> { }).destination());
        var update = xray.updateTraceSegmentDestination(request -> request
                .destination(TraceSegmentDestination.CLOUD_WATCH_LOGS));
        assertEquals(TraceSegmentDestinationStatus.PENDING, update.status());
        var after = xray.getTraceSegmentDestination(request -> { });
        assertEquals(TraceSegmentDestination.CLOUD_WATCH_LOGS, after.destination());
        assertEquals(TraceSegmentDestinationStatus.ACTIVE, after.status());
        assertEquals("CloudWatchLogs", aws.xray().destination());
        assertThrows(InvalidRequestException.class, () -> xray.updateTraceSegmentDestination(request -> request
                .destination("Elsewhere")));
        AwsRequest wire = aws.requests("UpdateTraceSegmentDestination").get(0).request();
        assertTrue(wire.header("Authorization").contains("/xray/aws4_request"));
    }
}
