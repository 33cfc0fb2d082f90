package io.github.agentcore4j.it.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.BedrockAgentCoreControlException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** Requests that are not SigV4-signed for the service and region they call are refused in that service's own shape. */
class SignatureCheckTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private AwsStandIn aws;

    @BeforeEach
    void start() {
        aws = AwsStandIn.builder().region("eu-central-1").start();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unsignedRestJsonRequestIsRefused() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(aws.endpoint() + "/runtimes/"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, response.statusCode());
        assertEquals("MissingAuthenticationTokenException", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", response.body());
        assertEquals("ListAgentRuntimes", aws.requests().get(0).operation(), "rejected requests are recorded too");
    }

    @Test
    void unsignedJsonAndQueryRequestsAreRefusedInTheirShapes() throws Exception {
        HttpResponse<String> ecr = send(HttpRequest.newBuilder(aws.endpoint())
                .header("X-Amz-Target", "AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken")
                .header("Content-Type", "application/x-amz-json-1.1").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, ecr.statusCode());
        assertTrue(ecr.body().contains("\"__type\":\"MissingAuthenticationTokenException\""), ecr.body());

        HttpResponse<String> sts = send(HttpRequest.newBuilder(aws.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")));
        assertEquals(403, sts.statusCode());
        assertTrue(sts.body().startsWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<Error><Type>Sender</Type><Code>MissingAuthenticationToken</Code>"), sts.body());
    }

    @Test
    void signatureForAnotherServiceOrWithoutDateIsRefused() throws Exception {
        String signedForSts = "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-central-1/sts/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64);
        HttpResponse<String> wrongService = send(HttpRequest.newBuilder(URI.create(aws.endpoint() + "/runtimes/"))
                .header("Authorization", signedForSts).header("X-Amz-Date", "20260101T000000Z")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, wrongService.statusCode());
        assertEquals("InvalidSignatureException", wrongService.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertTrue(wrongService.body().contains("'bedrock-agentcore'"), wrongService.body());

        HttpResponse<String> noDate = send(HttpRequest.newBuilder(URI.create(aws.endpoint() + "/runtimes/"))
                .header("Authorization", signedForSts.replace("/sts/", "/bedrock-agentcore/"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals("IncompleteSignatureException", noDate.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    }

    @Test
    void sdkSigningForAnotherRegionIsRefused() {
        try (BedrockAgentCoreControlClient control = SdkClients.of(aws).configure(BedrockAgentCoreControlClient.builder())
                .region(Region.US_WEST_2).build()) {
            BedrockAgentCoreControlException error = assertThrows(BedrockAgentCoreControlException.class,
                    () -> control.listAgentRuntimes(request -> { }));
            assertEquals("InvalidSignatureException", error.awsErrorDetails().errorCode());
            assertEquals(403, error.statusCode());
        }
        try (BedrockAgentCoreControlClient control = SdkClients.of(aws).control()) {
            assertTrue(control.listAgentRuntimes(request -> { }).agentRuntimes().isEmpty(), "the stand-in's region passes");
        }
    }

    @Test
    void iamIsSignedForUsEast1WhateverTheStandInsRegion() {
        try (IamClient iam = SdkClients.of(aws).configure(IamClient.builder()).build()) {
            IamException error = assertThrows(IamException.class, () -> iam.getRole(request -> request.roleName("x")),
                    "with an endpoint override the SDK signs IAM with the client's region, which IAM refuses");
            assertEquals("SignatureDoesNotMatch", error.awsErrorDetails().errorCode());
        }
        try (IamClient iam = SdkClients.of(aws).configure(IamClient.builder()).region(Region.US_EAST_1).build()) {
            assertThrows(NoSuchEntityException.class, () -> iam.getRole(request -> request.roleName("x")),
                    "signed for us-east-1, the call reached IAM");
        }
    }
}
