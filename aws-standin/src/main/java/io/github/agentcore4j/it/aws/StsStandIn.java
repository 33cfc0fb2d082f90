package io.github.agentcore4j.it.aws;

import java.util.Set;

/** STS (query protocol, XML): GetCallerIdentity, answering with the stand-in's account. */
final class StsStandIn {

    static final Set<String> OPERATIONS = Set.of("GetCallerIdentity");

    private final String accountId;

    StsStandIn(String accountId) {
        this.accountId = accountId;
    }

    /** The ARN of the caller every signed request is taken to come from. */
    String callerArn() {
        return "arn:aws:iam::" + accountId + ":user/agentcore4j-test";
    }

    Reply handle(String operation, AwsRequest request) {
        if (!operation.equals("GetCallerIdentity")) {
            throw AwsService.STS.unknownOperation(operation);
        }
        Xml result = new Xml().element("Arn", callerArn()).element("UserId", "AIDASTANDINUSER0000001")
                .element("Account", accountId);
        return Reply.xml(200, Xml.response(AwsService.STS, operation, result));
    }
}
