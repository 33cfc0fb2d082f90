package io.github.agentcore4j.it.aws;

/** STS (query protocol, XML): GetCallerIdentity, answering with the stand-in's account. */
final class StsStandIn {

    private final String accountId;

    StsStandIn(String accountId) {
        this.accountId = accountId;
    }

    /** The ARN of the caller every signed request is taken to come from. */
    String callerArn() {
        return "arn:aws:iam::" + accountId + ":user/agentcore4j-test";
    }

    /** Whether STS has an operation of this name: its route table is the one operation. */
    boolean serves(String operation) {
        return operation.equals("GetCallerIdentity");
    }

    Reply handle(String operation, AwsRequest request) {
        Xml result = new Xml().element("Arn", callerArn()).element("UserId", "AIDASTANDINUSER0000001")
                .element("Account", accountId);
        return Reply.xml(200, Xml.response(AwsService.STS, operation, result));
    }
}
