package io.github.agentcore4j.it.aws;

/**
 * A workload access token the stand-in issued: the opaque token, the workload identity it acts for, and the user it
 * acts on behalf of ({@code null} for the workload alone), with how it was obtained ({@code GetWorkloadAccessToken},
 * {@code GetWorkloadAccessTokenForUserId}, {@code GetWorkloadAccessTokenForJWT} or {@code InvokeAgentRuntime}).
 */
public record WorkloadAccessToken(String token, String workloadName, String userId, String issuedBy) {

    @Override
    public String toString() {
        return "WorkloadAccessToken[workloadName=" + workloadName + ", userId=" + userId + ", issuedBy=" + issuedBy
                + ", token=***]";
    }
}
