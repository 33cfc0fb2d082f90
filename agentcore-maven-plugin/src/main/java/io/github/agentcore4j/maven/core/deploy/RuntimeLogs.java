package io.github.agentcore4j.maven.core.deploy;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Reads a runtime endpoint's CloudWatch log group ({@code /aws/bedrock-agentcore/runtimes/<id>-<endpoint>}): the
 * {@code logs} goal prints and follows it, and deploy prints its tail when a version fails.
 */
public final class RuntimeLogs {

    /** How often {@link #follow} asks for new events. */
    static final Duration FOLLOW_EVERY = Duration.ofSeconds(2);

    private static final Pattern AGE = Pattern.compile("(\\d+)([smhd])");

    private final CloudWatchLogsClient logs;
    private final BuildLog log;

    public RuntimeLogs(CloudWatchLogsClient logs, BuildLog log) {
        this.logs = logs;
        this.log = log;
    }

    /**
     * The {@code since} setting: an age such as {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, or an ISO instant.
     *
     * @throws InvalidSettingException naming the setting for anything else
     */
    public static Instant parseSince(String value, Instant now) {
        Matcher age = AGE.matcher(value.trim());
        if (age.matches()) {
            long amount = Long.parseLong(age.group(1));
            return now.minus(switch (age.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException(PropertyNames.LOGS_SINCE, "'" + value + "' is neither an age "
                    + "nor an instant", "write an age such as 10m, 2h or 1d, or an instant such as "
                    + "2026-11-30T12:00:00Z");
        }
    }

    /**
     * The events since {@code since}, oldest first, each as {@code <time> <stream> <message>}, or empty when the
     * group does not exist (yet).
     *
     * @param limit at most this many, the newest ones
     */
    public List<String> since(String agentRuntimeId, String endpoint, Instant since, int limit) {
        List<String> lines = new ArrayList<>();
        read(ResourceNames.logGroup(agentRuntimeId, endpoint), since.toEpochMilli(), lines::add);
        return lines.size() <= limit ? lines : lines.subList(lines.size() - limit, lines.size());
    }

    /**
     * Prints the events since {@code since}, then new ones every 2 s, {@code rounds} times (unbounded when
     * negative: until the build is interrupted).
     */
    public void follow(String agentRuntimeId, String endpoint, Instant since, int rounds, Consumer<String> out)
            throws InterruptedException {
        String group = ResourceNames.logGroup(agentRuntimeId, endpoint);
        long from = since.toEpochMilli();
        for (int round = 0; rounds < 0 || round < rounds; round++) {
            if (round > 0) {
                Thread.sleep(FOLLOW_EVERY.toMillis());
            }
            from = read(group, from, out);
        }
    }

    /** Prints the tail of the endpoint's log group after a failed deploy, so the cause shows without a console. */
    void printTailAfterFailure(String agentRuntimeId, String endpoint, Instant since) {
        String group = ResourceNames.logGroup(agentRuntimeId, endpoint);
        try {
            List<String> tail = since(agentRuntimeId, endpoint, since, 50);
            if (tail.isEmpty()) {
                log.warn("Log group " + group + " has no events since the deploy started");
                return;
            }
            log.warn("Last " + tail.size() + " events of " + group + ":");
            tail.forEach(line -> log.warn("  " + line));
        } catch (RuntimeException e) {
            log.warn("Could not read log group " + group + " (" + e.getMessage() + "); see it with mvn agentcore:logs");
        }
    }

    /** Sends every event from {@code fromMillis} on to {@code out}; returns where the next read starts. */
    private long read(String group, long fromMillis, Consumer<String> out) {
        long next = fromMillis;
        String token = null;
        try {
            do {
                String page = token;
                FilterLogEventsResponse response = logs.filterLogEvents(request -> request.logGroupName(group)
                        .startTime(fromMillis).nextToken(page));
                for (FilteredLogEvent event : response.events()) {
                    out.accept(Instant.ofEpochMilli(event.timestamp()) + " " + event.logStreamName() + " "
                            + event.message().stripTrailing());
                    next = Math.max(next, event.timestamp() + 1);
                }
                token = response.nextToken();
            } while (token != null);
        } catch (ResourceNotFoundException e) {
            log.debug("Log group " + group + " does not exist yet");
        }
        return next;
    }
}
