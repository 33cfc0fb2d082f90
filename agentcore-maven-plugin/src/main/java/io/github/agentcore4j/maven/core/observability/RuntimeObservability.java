package io.github.agentcore4j.maven.core.observability;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.config.AgentSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.xray.model.GetTraceSegmentDestinationResponse;
import software.amazon.awssdk.services.xray.model.TraceSegmentDestination;
import software.amazon.awssdk.services.xray.model.TraceSegmentDestinationStatus;

/**
 * What deploy does for a traced agent besides the image: the runtime's OTLP environment for its region (traces to
 * X-Ray's OTLP endpoint, logs to CloudWatch Logs' into the agent's own log group), that log group created when
 * missing (CloudWatch's OTLP endpoint needs it to exist), and the account's Transaction Search, which the
 * AgentCore dashboards read spans from: one line says when it is off, and {@code enableTransactionSearch} turns it
 * on.
 */
public final class RuntimeObservability {

    /** The stream the agent's OTLP logs go to, as in AWS's Java recipe. */
    static final String LOG_STREAM = "runtime-logs";
    /** The resource policy that lets X-Ray write spans into CloudWatch Logs, Transaction Search's prerequisite. */
    static final String TRANSACTION_SEARCH_POLICY = "TransactionSearchXRayAccess";

    private final AwsSession aws;
    private final BuildLog log;

    public RuntimeObservability(AwsSession aws, BuildLog log) {
        this.aws = aws;
        this.log = log;
    }

    /** The log group of an agent's OTLP logs, inside the prefix the execution role may write to. */
    public static String logGroup(String agentName) {
        return "/aws/bedrock-agentcore/runtimes/" + agentName + "-otel";
    }

    /** The OTLP variables of a runtime in {@code region}; the image's {@code OTEL_*} variables do the rest. */
    public static Map<String, String> runtimeEnvironment(String agentName, String region) {
        RegionMetadata metadata = Region.of(region).metadata();
        String domain = metadata == null ? "amazonaws.com" : metadata.partition().dnsSuffix();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "https://xray." + region + "." + domain + "/v1/traces");
        variables.put("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "https://logs." + region + "." + domain + "/v1/logs");
        variables.put("OTEL_EXPORTER_OTLP_LOGS_HEADERS", "x-aws-log-group=" + logGroup(agentName)
                + ",x-aws-log-stream=" + LOG_STREAM + ",x-aws-metric-namespace=bedrock-agentcore");
        variables.put("OTEL_LOGS_EXPORTER", "otlp");
        return variables;
    }

    /**
     * Prepares CloudWatch for the agent and returns its settings with the OTLP environment added (variables the user
     * set win). Untraced agents ({@code observability=false}) come back unchanged, and nothing is called.
     *
     * @param enableTransactionSearch turn Transaction Search on when it is off
     * @param dryRun say what would be done instead of doing it
     */
    public AgentSettings prepare(AgentSettings settings, boolean enableTransactionSearch, boolean dryRun) {
        if (!settings.observability()) {
            return settings;
        }
        String name = settings.name().value();
        Map<String, String> environment = runtimeEnvironment(name, aws.region());
        environment.putAll(settings.environment());
        if (dryRun) {
            log.info("[dry run] would create the log group " + logGroup(name) + " when missing, and check "
                    + "Transaction Search");
        } else {
            ensureLogGroup(logGroup(name));
            checkTransactionSearch(enableTransactionSearch);
        }
        return settings.withEnvironment(environment);
    }

    private void ensureLogGroup(String group) {
        boolean exists = aws.logs().describeLogGroups(call -> call.logGroupNamePrefix(group)).logGroups().stream()
                .anyMatch(existing -> existing.logGroupName().equals(group));
        if (!exists) {
            try {
                aws.logs().createLogGroup(call -> call.logGroupName(group));
                log.info("Created the log group " + group + " for the agent's OpenTelemetry logs");
            } catch (ResourceAlreadyExistsException createdMeanwhile) {
                // Another deploy created it between the two calls: what we wanted.
            }
        }
        try {
            aws.logs().createLogStream(call -> call.logGroupName(group).logStreamName(LOG_STREAM));
        } catch (ResourceAlreadyExistsException keptFromAnEarlierDeploy) {
            // Nothing to do.
        }
    }

    private void checkTransactionSearch(boolean enable) {
        GetTraceSegmentDestinationResponse destination;
        try {
            destination = aws.xray().getTraceSegmentDestination(call -> { });
        } catch (SdkException e) {
            log.warn("Cannot tell whether CloudWatch Transaction Search is on (" + e.getMessage() + "); the agent's "
                    + "spans only reach the AgentCore dashboards when it is");
            return;
        }
        if (destination.destination() == TraceSegmentDestination.CLOUD_WATCH_LOGS
                && destination.status() != TraceSegmentDestinationStatus.PENDING) {
            return;
        }
        if (destination.destination() == TraceSegmentDestination.CLOUD_WATCH_LOGS) {
            log.info("CloudWatch Transaction Search is being turned on in " + aws.region());
            return;
        }
        if (!enable) {
            log.warn("CloudWatch Transaction Search is off in account " + aws.accountId() + " (" + aws.region()
                    + "), so the agent's traces will not show in the AgentCore dashboards; turn it on once with: "
                    + "mvn agentcore:deploy -Dagentcore.deploy.enableTransactionSearch=true");
            return;
        }
        aws.logs().putResourcePolicy(call -> call.policyName(TRANSACTION_SEARCH_POLICY)
                .policyDocument(transactionSearchPolicy()));
        aws.xray().updateTraceSegmentDestination(call -> call.destination(TraceSegmentDestination.CLOUD_WATCH_LOGS));
        log.info("Turned on CloudWatch Transaction Search in account " + aws.accountId() + " (" + aws.region()
                + "): X-Ray now sends spans to CloudWatch Logs");
    }

    /** Lets X-Ray write spans to the log groups Transaction Search reads, for this account only (AWS's policy). */
    private String transactionSearchPolicy() {
        String logs = "arn:" + aws.partition() + ":logs:" + aws.region() + ":" + aws.accountId() + ":log-group:";
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"TransactionSearchXRayAccess\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"xray.amazonaws.com\"},"
                + "\"Action\":\"logs:PutLogEvents\",\"Resource\":[\"" + logs + "aws/spans:*\",\"" + logs
                + "/aws/application-signals/data:*\"],\"Condition\":{\"ArnLike\":{\"aws:SourceArn\":\"arn:"
                + aws.partition() + ":xray:" + aws.region() + ":" + aws.accountId() + ":*\"},"
                + "\"StringEquals\":{\"aws:SourceAccount\":\"" + aws.accountId() + "\"}}}]}";
    }
}
