package io.github.agentcore4j.it.aws;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Errors and slow or failed transitions the stand-in injects on demand. Each injected error answers the next
 * {@code times} calls of one operation (by its AWS name, e.g. {@code "CreateAgentRuntime"}, {@code "GetRole"}), in
 * that operation's protocol, after the signature check and before the operation runs, so the state is untouched.
 */
public final class Faults {

    /** The IAM eventual-consistency message of CreateAgentRuntime/UpdateAgentRuntime for a role not yet assumable. */
    public static String roleValidationMessage(String roleArn) {
        return "Role validation failed for '" + roleArn + "'. Please verify that the role exists and its trust"
                + " policy allows assumption by this service";
    }

    private final Map<String, Deque<Function<AwsService, ServiceError>>> errors = new HashMap<>();
    private int roleNotAssumable;
    private String createFailure;
    private String updateFailure;
    private int readsUntilSettled;

    /** The next {@code times} calls of {@code operation} fail with {@code error}. */
    public synchronized Faults fail(String operation, ServiceError error, int times) {
        return queue(operation, service -> error, times);
    }

    /** The next {@code times} calls of {@code operation} are throttled, with that service's throttling error. */
    public synchronized Faults throttle(String operation, int times) {
        return queue(operation, AwsService::throttling, times);
    }

    /** The next {@code times} calls of an AgentCore {@code operation} fail with a 409 {@code ConflictException}. */
    public synchronized Faults conflict(String operation, int times) {
        return fail(operation, ServiceError.conflict("Conflict injected by the stand-in for " + operation), times);
    }

    /** The next {@code times} calls of an AgentCore {@code operation} fail with a 402 ServiceQuotaExceededException. */
    public synchronized Faults quotaExceeded(String operation, int times) {
        return fail(operation, new ServiceError(402, "ServiceQuotaExceededException",
                "Service quota exceeded for " + operation + " (injected by the stand-in)"), times);
    }

    /** The next {@code times} calls of an AgentCore {@code operation} fail with a 403 AccessDeniedException. */
    public synchronized Faults accessDenied(String operation, int times) {
        return fail(operation, new ServiceError(403, "AccessDeniedException", "User is not authorized to perform: "
                + "bedrock-agentcore:" + operation + " (injected by the stand-in)"), times);
    }

    /** The next {@code times} calls of an AgentCore {@code operation} fail with a 500 InternalServerException. */
    public synchronized Faults internalError(String operation, int times) {
        return fail(operation, new ServiceError(500, "InternalServerException",
                "Internal server error (injected by the stand-in)"), times);
    }

    /**
     * The next {@code times} InvokeAgentRuntime or StopRuntimeSession calls fail with the 409
     * RetryableConflictException AWS answers while another call uses the same session (newer models mark it
     * retryable; SDK 2.40.2 does not know it).
     */
    public synchronized Faults retryableConflict(String operation, int times) {
        return fail(operation, new ServiceError(409, "RetryableConflictException",
                "The session is in use by another request (injected by the stand-in)"), times);
    }

    /**
     * The next {@code times} CreateAgentRuntime or UpdateAgentRuntime calls fail with the ValidationException the
     * real service gives while a new role has not yet propagated in IAM ({@link #roleValidationMessage}).
     */
    public synchronized Faults roleNotYetAssumable(int times) {
        roleNotAssumable = times;
        return this;
    }

    /** The next runtime created ends in {@code CREATE_FAILED} with this {@code failureReason}. */
    public synchronized Faults failNextCreate(String failureReason) {
        createFailure = failureReason;
        return this;
    }

    /** The next runtime update ends in {@code UPDATE_FAILED} with this {@code failureReason}. */
    public synchronized Faults failNextUpdate(String failureReason) {
        updateFailure = failureReason;
        return this;
    }

    /**
     * A slow READY: every transition started from now on (runtime version, endpoint) stays {@code CREATING} or
     * {@code UPDATING} for this many reads (GetAgentRuntime, GetAgentRuntimeEndpoint) before it settles. 0, the
     * default, settles on the first read; {@link Integer#MAX_VALUE} never settles.
     */
    public synchronized Faults slowReady(int reads) {
        readsUntilSettled = reads;
        return this;
    }

    /** Clears every pending fault. */
    public synchronized void reset() {
        errors.clear();
        roleNotAssumable = 0;
        createFailure = null;
        updateFailure = null;
        readsUntilSettled = 0;
    }

    private Faults queue(String operation, Function<AwsService, ServiceError> error, int times) {
        Deque<Function<AwsService, ServiceError>> queue = errors.computeIfAbsent(operation, name -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(error);
        }
        return this;
    }

    synchronized void throwIfInjected(AwsService service, String operation) {
        Deque<Function<AwsService, ServiceError>> queue = errors.get(operation);
        if (queue != null && !queue.isEmpty()) {
            throw queue.poll().apply(service);
        }
    }

    synchronized void throwIfRoleNotYetAssumable(String roleArn) {
        if (roleNotAssumable > 0) {
            roleNotAssumable--;
            throw ServiceError.validation(roleValidationMessage(roleArn));
        }
    }

    synchronized String takeCreateFailure() {
        String reason = createFailure;
        createFailure = null;
        return reason;
    }

    synchronized String takeUpdateFailure() {
        String reason = updateFailure;
        updateFailure = null;
        return reason;
    }

    synchronized int readsUntilSettled() {
        return readsUntilSettled;
    }
}
