package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudWatch Logs (AWS JSON 1.1, {@code X-Amz-Target: Logs_20140328.<operation>}) as state: log groups (with
 * retention and tags), their streams and events, and account resource policies. It serves what a deployer and a
 * log tail use: CreateLogGroup, CreateLogStream, DescribeLogGroups, DescribeLogStreams, PutLogEvents, GetLogEvents
 * (forward and backward tokens, {@code f/<n>} and {@code b/<n>}, stable while events are appended, so a tail can
 * follow), FilterLogEvents (time range, stream names or prefix, and a filter pattern of terms or a quoted phrase),
 * PutRetentionPolicy, PutResourcePolicy and DescribeResourcePolicies, with Logs' own errors
 * ({@code ResourceNotFoundException}, {@code ResourceAlreadyExistsException}, {@code InvalidParameterException}).
 * <p>
 * A test writes what an agent would log with {@link #append}, e.g. to {@link #runtimeLogGroup} of a runtime.
 */
public final class LogsStandIn {

    static final String TARGET_PREFIX = "Logs_20140328.";
    private static final Pattern GROUP_NAME = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");
    private static final Pattern STREAM_NAME = Pattern.compile("[^:*]{1,512}");
    private static final Pattern TOKEN = Pattern.compile("([fb])/([0-9]+)");
    private static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private final String region;
    private final String accountId;
    private final StandInClock clock;
    private final Map<String, Group> groups = new TreeMap<>();
    /** The route table: each operation Logs serves, by its name in {@code X-Amz-Target}. */
    private final Map<String, Function<JsonNode, ObjectNode>> operations = Map.of(
            "CreateLogGroup", this::createLogGroup,
            "CreateLogStream", this::createLogStream,
            "DescribeLogGroups", this::describeLogGroups,
            "DescribeLogStreams", this::describeLogStreams,
            "PutLogEvents", this::putLogEvents,
            "GetLogEvents", this::getLogEvents,
            "FilterLogEvents", this::filterLogEvents,
            "PutRetentionPolicy", this::putRetentionPolicy,
            "PutResourcePolicy", this::putResourcePolicy,
            "DescribeResourcePolicies", input -> describeResourcePolicies());
    private final Map<String, ObjectNode> resourcePolicies = new LinkedHashMap<>();
    private final AtomicLong eventIds = new AtomicLong();

    LogsStandIn(String region, String accountId, StandInClock clock) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
    }

    /** The log group AgentCore writes a runtime endpoint's output to: {@code /aws/bedrock-agentcore/runtimes/<id>-<endpoint>}. */
    public static String runtimeLogGroup(String runtimeId, String endpoint) {
        return "/aws/bedrock-agentcore/runtimes/" + runtimeId + "-" + endpoint;
    }

    /** An event as stored: its stream, timestamps (epoch millis) and message. */
    public record LogEvent(String logStream, long timestamp, String message, long ingestionTime, String eventId) {
    }

    /**
     * Appends events stamped now to a stream, creating the group and stream if needed, as a running agent's output
     * arrives.
     */
    public synchronized void append(String group, String stream, String... messages) {
        Group logGroup = groups.computeIfAbsent(group, name -> new Group(name, clock.now().toEpochMilli()));
        Stream logStream = logGroup.streams.computeIfAbsent(stream, name -> new Stream(name, clock.now().toEpochMilli()));
        long now = clock.now().toEpochMilli();
        for (String message : messages) {
            logStream.add(now, message, now, nextEventId());
        }
    }

    public synchronized List<String> groupNames() {
        return List.copyOf(groups.keySet());
    }

    /** A group's retention in days; empty when it keeps events forever or does not exist. */
    public synchronized Optional<Integer> retentionInDays(String group) {
        return Optional.ofNullable(groups.get(group)).map(logGroup -> logGroup.retentionInDays);
    }

    /** Every event of a group, oldest first. */
    public synchronized List<LogEvent> events(String group) {
        Group logGroup = groups.get(group);
        return logGroup == null ? List.of() : logGroup.allEvents();
    }

    /** The account's resource policies by name (the documents as sent). */
    public synchronized Map<String, String> resourcePolicies() {
        Map<String, String> policies = new LinkedHashMap<>();
        resourcePolicies.forEach((name, policy) -> policies.put(name, policy.path("policyDocument").asText()));
        return policies;
    }

    /** Whether CloudWatch Logs has an operation of this name (its route table, {@link #operations}). */
    boolean serves(String operation) {
        return operations.containsKey(operation);
    }

    synchronized Reply handle(String operation, AwsRequest request) {
        return Reply.awsJson(operations.get(operation).apply(request.json()));
    }

    private ObjectNode describeResourcePolicies() {
        ObjectNode json = Json.object();
        ArrayNode policies = json.putArray("resourcePolicies");
        resourcePolicies.values().forEach(policies::add);
        return json;
    }

    private ObjectNode createLogGroup(JsonNode input) {
        String name = required(input, "logGroupName");
        if (!GROUP_NAME.matcher(name).matches()) {
            throw invalid("1 validation error detected: Value '" + name + "' at 'logGroupName' failed to satisfy"
                    + " constraint: Member must satisfy regular expression pattern: " + GROUP_NAME.pattern());
        }
        if (groups.containsKey(name)) {
            throw new ServiceError(400, "ResourceAlreadyExistsException", "The specified log group already exists");
        }
        Group group = new Group(name, clock.now().toEpochMilli());
        input.path("tags").properties().forEach(tag -> group.tags.put(tag.getKey(), tag.getValue().asText()));
        groups.put(name, group);
        return Json.object();
    }

    private ObjectNode createLogStream(JsonNode input) {
        Group group = group(input);
        String name = required(input, "logStreamName");
        if (!STREAM_NAME.matcher(name).matches()) {
            throw invalid("1 validation error detected: Value '" + name + "' at 'logStreamName' failed to satisfy"
                    + " constraint: Member must satisfy regular expression pattern: " + STREAM_NAME.pattern());
        }
        if (group.streams.containsKey(name)) {
            throw new ServiceError(400, "ResourceAlreadyExistsException", "The specified log stream already exists");
        }
        group.streams.put(name, new Stream(name, clock.now().toEpochMilli()));
        return Json.object();
    }

    private ObjectNode describeLogGroups(JsonNode input) {
        String prefix = input.path("logGroupNamePrefix").asText("");
        List<ObjectNode> items = groups.values().stream().filter(group -> group.name.startsWith(prefix))
                .map(this::groupJson).toList();
        return page(input, "logGroups", items, 50);
    }

    private ObjectNode describeLogStreams(JsonNode input) {
        Group group = group(input);
        String prefix = input.path("logStreamNamePrefix").asText("");
        boolean byLastEvent = input.path("orderBy").asText("LogStreamName").equals("LastEventTime");
        if (byLastEvent && !prefix.isEmpty()) {
            throw invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        Comparator<Stream> order = byLastEvent ? Comparator.comparingLong(Stream::lastEventTimestamp)
                : Comparator.comparing(stream -> stream.name);
        if (input.path("descending").asBoolean(false)) {
            order = order.reversed();
        }
        List<ObjectNode> items = group.streams.values().stream().filter(stream -> stream.name.startsWith(prefix))
                .sorted(order).map(stream -> streamJson(group, stream)).toList();
        return page(input, "logStreams", items, 50);
    }

    private ObjectNode putLogEvents(JsonNode input) {
        Group group = group(input);
        String streamName = required(input, "logStreamName");
        Stream stream = group.streams.get(streamName);
        if (stream == null) {
            throw new ServiceError(400, "ResourceNotFoundException", "The specified log stream does not exist.");
        }
        JsonNode events = input.path("logEvents");
        if (events.size() < 1 || events.size() > 10000) {
            throw invalid("1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member"
                    + " must have length between 1 and 10000");
        }
        long previous = Long.MIN_VALUE;
        for (JsonNode event : events) {
            long timestamp = event.path("timestamp").asLong();
            if (timestamp < previous) {
                throw invalid("Log events in a single PutLogEvents request must be in chronological order.");
            }
            previous = timestamp;
        }
        long now = clock.now().toEpochMilli();
        events.forEach(event -> stream.add(event.path("timestamp").asLong(), event.path("message").asText(), now,
                nextEventId()));
        return Json.object().put("nextSequenceToken", String.valueOf(stream.events.size()));
    }

    private ObjectNode getLogEvents(JsonNode input) {
        Group group = group(input);
        Stream stream = group.streams.get(required(input, "logStreamName"));
        if (stream == null) {
            throw new ServiceError(400, "ResourceNotFoundException", "The specified log stream does not exist.");
        }
        long start = input.path("startTime").asLong(Long.MIN_VALUE);
        long end = input.path("endTime").asLong(Long.MAX_VALUE);
        List<LogEvent> events = stream.events.stream()
                .filter(event -> event.timestamp() >= start && event.timestamp() < end).toList();
        int limit = limit(input, 10000);
        int from;
        int to;
        String token = input.path("nextToken").asText(null);
        if (token != null) {
            Matcher position = TOKEN.matcher(token);
            if (!position.matches()) {
                throw invalid("The specified nextToken is invalid.");
            }
            int at = Math.min(Integer.parseInt(position.group(2)), events.size());
            boolean forward = position.group(1).equals("f");
            from = forward ? at : Math.max(0, at - limit);
            to = forward ? Math.min(events.size(), at + limit) : at;
        } else if (input.path("startFromHead").asBoolean(false)) {
            from = 0;
            to = Math.min(events.size(), limit);
        } else {
            to = events.size();
            from = Math.max(0, to - limit);
        }
        ObjectNode json = Json.object();
        ArrayNode array = json.putArray("events");
        events.subList(from, to).forEach(event -> array.addObject().put("timestamp", event.timestamp())
                .put("message", event.message()).put("ingestionTime", event.ingestionTime()));
        return json.put("nextForwardToken", "f/" + to).put("nextBackwardToken", "b/" + from);
    }

    private ObjectNode filterLogEvents(JsonNode input) {
        Group group = group(input);
        List<String> names = new ArrayList<>();
        input.path("logStreamNames").forEach(name -> names.add(name.asText()));
        String prefix = input.path("logStreamNamePrefix").asText("");
        if (!names.isEmpty() && !prefix.isEmpty()) {
            throw invalid("logStreamNames and logStreamNamePrefix are mutually exclusive.");
        }
        long start = input.path("startTime").asLong(Long.MIN_VALUE);
        long end = input.path("endTime").asLong(Long.MAX_VALUE);
        FilterPattern pattern = FilterPattern.of(input.path("filterPattern").asText(""));
        List<ObjectNode> items = group.allEvents().stream()
                .filter(event -> names.isEmpty() || names.contains(event.logStream()))
                .filter(event -> event.logStream().startsWith(prefix))
                .filter(event -> event.timestamp() >= start && event.timestamp() <= end)
                .filter(event -> pattern.matches(event.message()))
                .map(event -> Json.object().put("logStreamName", event.logStream()).put("timestamp", event.timestamp())
                        .put("message", event.message()).put("ingestionTime", event.ingestionTime())
                        .put("eventId", event.eventId()))
                .toList();
        return page(input, "events", items, 10000);
    }

    private ObjectNode putRetentionPolicy(JsonNode input) {
        Group group = group(input);
        int days = input.path("retentionInDays").asInt();
        if (!RETENTION_DAYS.contains(days)) {
            throw invalid("1 validation error detected: Value '" + days + "' at 'retentionInDays' failed to satisfy"
                    + " constraint: Member must satisfy enum value set: " + new TreeSet<>(RETENTION_DAYS));
        }
        group.retentionInDays = days;
        return Json.object();
    }

    private ObjectNode putResourcePolicy(JsonNode input) {
        String name = required(input, "policyName");
        String document = required(input, "policyDocument");
        ObjectNode policy = Json.object().put("policyName", name).put("policyDocument", document)
                .put("lastUpdatedTime", clock.now().toEpochMilli());
        resourcePolicies.put(name, policy);
        return Json.object().set("resourcePolicy", policy.deepCopy());
    }

    /** The group named by {@code logGroupName} or {@code logGroupIdentifier} (a name or an ARN). */
    private Group group(JsonNode input) {
        String name = input.path("logGroupName").asText(null);
        if (name == null) {
            String identifier = required(input, "logGroupIdentifier");
            name = identifier.startsWith("arn:") ? identifier.replaceFirst("^arn:[^:]+:logs:[^:]*:[0-9]*:log-group:", "")
                    .replaceFirst(":\\*$", "") : identifier;
        }
        Group group = groups.get(name);
        if (group == null) {
            throw new ServiceError(400, "ResourceNotFoundException", "The specified log group does not exist.");
        }
        return group;
    }

    private ObjectNode groupJson(Group group) {
        String arn = "arn:aws:logs:" + region + ":" + accountId + ":log-group:" + group.name;
        ObjectNode json = Json.object().put("logGroupName", group.name).put("creationTime", group.creationTime)
                .put("metricFilterCount", 0).put("arn", arn + ":*").put("logGroupArn", arn)
                .put("storedBytes", 0).put("logGroupClass", "STANDARD");
        if (group.retentionInDays != null) {
            json.put("retentionInDays", group.retentionInDays);
        }
        return json;
    }

    private ObjectNode streamJson(Group group, Stream stream) {
        ObjectNode json = Json.object().put("logStreamName", stream.name).put("creationTime", stream.creationTime)
                .put("arn", "arn:aws:logs:" + region + ":" + accountId + ":log-group:" + group.name + ":log-stream:"
                        + stream.name).put("storedBytes", 0);
        if (!stream.events.isEmpty()) {
            json.put("firstEventTimestamp", stream.events.get(0).timestamp())
                    .put("lastEventTimestamp", stream.lastEventTimestamp())
                    .put("lastIngestionTime", stream.events.get(stream.events.size() - 1).ingestionTime());
        }
        return json;
    }

    /** Pages with {@code limit} and {@code nextToken} (an offset) from the body. */
    private static ObjectNode page(JsonNode input, String field, List<ObjectNode> items, int maxLimit) {
        int limit = limit(input, maxLimit);
        int from;
        try {
            from = Integer.parseInt(input.path("nextToken").asText("0"));
        } catch (NumberFormatException e) {
            throw invalid("The specified nextToken is invalid.");
        }
        if (from < 0 || from > items.size()) {
            throw invalid("The specified nextToken is invalid.");
        }
        return Page.of(field, items, from, limit, String::valueOf);
    }

    private static int limit(JsonNode input, int max) {
        int limit = input.path("limit").asInt(max);
        if (limit < 1 || limit > max) {
            throw invalid("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy"
                    + " constraint: Member must have value between 1 and " + max);
        }
        return limit;
    }

    private static String required(JsonNode input, String member) {
        String value = input.path(member).asText(null);
        if (value == null) {
            throw invalid("1 validation error detected: Value null at '" + member + "' failed to satisfy constraint:"
                    + " Member must not be null");
        }
        return value;
    }

    private static ServiceError invalid(String message) {
        return new ServiceError(400, "InvalidParameterException", message);
    }

    private String nextEventId() {
        return String.format("%056d", eventIds.incrementAndGet());
    }

    /**
     * The part of the filter-pattern syntax a log tail uses: empty matches all; {@code "a phrase"} matches messages
     * containing it; otherwise every space-separated term must occur (case-sensitive).
     */
    private record FilterPattern(List<String> terms) {

        static FilterPattern of(String pattern) {
            String trimmed = pattern.trim();
            if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
                return new FilterPattern(List.of(trimmed.substring(1, trimmed.length() - 1)));
            }
            return new FilterPattern(trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+")));
        }

        boolean matches(String message) {
            return terms.stream().allMatch(message::contains);
        }
    }

    private static final class Group {
        final String name;
        final long creationTime;
        final Map<String, Stream> streams = new TreeMap<>();
        final Map<String, String> tags = new LinkedHashMap<>();
        Integer retentionInDays;

        Group(String name, long creationTime) {
            this.name = name;
            this.creationTime = creationTime;
        }

        List<LogEvent> allEvents() {
            return streams.values().stream().flatMap(stream -> stream.events.stream())
                    .sorted(Comparator.comparingLong(LogEvent::timestamp).thenComparingLong(LogEvent::ingestionTime))
                    .toList();
        }
    }

    private static final class Stream {
        final String name;
        final long creationTime;
        final List<LogEvent> events = new ArrayList<>();

        Stream(String name, long creationTime) {
            this.name = name;
            this.creationTime = creationTime;
        }

        void add(long timestamp, String message, long ingestionTime, String eventId) {
            events.add(new LogEvent(name, timestamp, message, ingestionTime, eventId));
        }

        long lastEventTimestamp() {
            return events.isEmpty() ? 0 : events.get(events.size() - 1).timestamp();
        }
    }
}
