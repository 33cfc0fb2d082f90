package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error the stand-in answers with, as the real service would: an HTTP status, the error code the SDK maps to an
 * exception class (e.g. {@code ResourceNotFoundException}, {@code NoSuchEntity}) and a message. Each service renders
 * it in its own protocol's error shape ({@link AwsService#errorReply}).
 */
public final class ServiceError extends RuntimeException {

    private final int status;
    private final String code;
    private final ObjectNode details;

    public ServiceError(int status, String code, String message) {
        this(status, code, message, Json.object());
    }

    /** An error whose body carries more members than {@code message}, e.g. a ValidationException's {@code reason}. */
    public ServiceError(int status, String code, String message, ObjectNode details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details.deepCopy();
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The members of the error body besides {@code message}. */
    ObjectNode details() {
        return details.deepCopy();
    }

    static ServiceError validation(String message) {
        return new ServiceError(400, "ValidationException", message);
    }

    static ServiceError notFound(String message) {
        return new ServiceError(404, "ResourceNotFoundException", message);
    }

    static ServiceError conflict(String message) {
        return new ServiceError(409, "ConflictException", message);
    }

    @Override
    public String toString() {
        return status + " " + code + ": " + getMessage();
    }
}
