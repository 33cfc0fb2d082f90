package io.github.agentcore4j.it.aws;

import java.util.Map;

/**
 * The services the stand-in speaks: the name each is signed for (the SigV4 credential scope) and how its errors look
 * on the wire, so the SDK maps them to the same exception classes as the real service's.
 */
public enum AwsService {
    /** Bedrock AgentCore control plane, restJson: the error code travels in the {@code x-amzn-ErrorType} header. */
    AGENTCORE_CONTROL("bedrock-agentcore", Protocol.REST_JSON, null),
    /** Bedrock AgentCore data plane (InvokeAgentRuntime, StopRuntimeSession); same signing name as the control plane. */
    AGENTCORE_DATA("bedrock-agentcore", Protocol.REST_JSON, null),
    /** ECR, AWS JSON 1.1: the error code travels as {@code __type} in the body. */
    ECR("ecr", Protocol.AWS_JSON, null),
    /** STS, query protocol with XML responses. */
    STS("sts", Protocol.QUERY, "https://sts.amazonaws.com/doc/2011-06-15/"),
    /** IAM, query protocol with XML responses. */
    IAM("iam", Protocol.QUERY, "https://iam.amazonaws.com/doc/2010-05-08/"),
    /** CloudWatch Logs, AWS JSON 1.1. */
    LOGS("logs", Protocol.AWS_JSON, null),
    /** X-Ray, restJson. */
    XRAY("xray", Protocol.REST_JSON, null);

    private enum Protocol { REST_JSON, AWS_JSON, QUERY }

    private final String signingName;
    private final Protocol protocol;
    private final String xmlNamespace;

    AwsService(String signingName, Protocol protocol, String xmlNamespace) {
        this.signingName = signingName;
        this.protocol = protocol;
        this.xmlNamespace = xmlNamespace;
    }

    /** The service name in the SigV4 credential scope: {@code <key>/<date>/<region>/<signingName>/aws4_request}. */
    public String signingName() {
        return signingName;
    }

    /** The namespace of the XML documents of a query-protocol service. */
    String xmlNamespace() {
        return xmlNamespace;
    }

    /** The error the real service answers when it throttles: the code and status its SDK treats as throttling. */
    public ServiceError throttling() {
        return switch (protocol) {
            case REST_JSON -> new ServiceError(429, "ThrottlingException", "Rate exceeded");
            case AWS_JSON -> new ServiceError(400, "ThrottlingException", "Rate exceeded");
            case QUERY -> new ServiceError(400, "Throttling", "Rate exceeded");
        };
    }

    /** The error for a request without a SigV4 {@code Authorization} header. */
    ServiceError missingAuthentication() {
        return protocol == Protocol.QUERY
                ? new ServiceError(403, "MissingAuthenticationToken", "Request is missing Authentication Token")
                : new ServiceError(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    /** The error for a SigV4 header that is incomplete (no credential scope, no {@code X-Amz-Date}). */
    ServiceError incompleteSignature(String message) {
        return new ServiceError(protocol == Protocol.QUERY ? 400 : 403,
                protocol == Protocol.QUERY ? "IncompleteSignature" : "IncompleteSignatureException", message);
    }

    /** The error for a signature scoped to another service or region. */
    ServiceError invalidSignature(String message) {
        return new ServiceError(403, protocol == Protocol.QUERY ? "SignatureDoesNotMatch" : "InvalidSignatureException",
                message);
    }

    /** The error for a request the stand-in cannot route to an operation. */
    ServiceError unknownOperation(String what) {
        return protocol == Protocol.QUERY
                ? new ServiceError(400, "InvalidAction", "Could not find operation " + what)
                : new ServiceError(protocol == Protocol.REST_JSON ? 404 : 400, "UnknownOperationException",
                        "Unknown operation " + what);
    }

    /** Renders an error in this service's protocol. */
    Reply errorReply(ServiceError error, String requestId) {
        return switch (protocol) {
            case REST_JSON -> Reply.json(error.status(), Json.object().put("message", error.getMessage())
                    .setAll(error.details()), Map.of("x-amzn-ErrorType", error.code()));
            case AWS_JSON -> Reply.awsJson(error.status(), Json.object().put("__type", error.code())
                    .put("message", error.getMessage()).setAll(error.details()), Map.of("x-amzn-ErrorType", error.code()));
            case QUERY -> Reply.xml(error.status(), "<ErrorResponse xmlns=\"" + xmlNamespace + "\"><Error><Type>"
                    + (error.status() >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + Xml.escape(error.code())
                    + "</Code><Message>" + Xml.escape(error.getMessage()) + "</Message></Error><RequestId>" + requestId
                    + "</RequestId></ErrorResponse>");
        };
    }
}
