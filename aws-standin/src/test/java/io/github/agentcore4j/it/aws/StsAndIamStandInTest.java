package io.github.agentcore4j.it.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** STS and IAM through the real StsClient and IamClient: the caller's account and an execution role's life. */
class StsAndIamStandInTest {

    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:BatchGetImage",\
            "Resource":"arn:aws:ecr:us-east-1:210987654321:repository/demo"}]}""";

    private AwsStandIn aws;
    private IamClient iam;

    @BeforeEach
    void start() {
        aws = AwsStandIn.builder().accountId("210987654321").start();
        iam = SdkClients.of(aws).iam();
    }

    @AfterEach
    void stop() {
        iam.close();
        aws.close();
    }

    @Test
    void callerIdentityNamesTheAccount() {
        try (StsClient sts = SdkClients.of(aws).sts()) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            assertEquals("210987654321", identity.account());
            assertEquals("arn:aws:iam::210987654321:user/agentcore4j-test", identity.arn());
            assertTrue(aws.requests("GetCallerIdentity").get(0).request().bodyText().contains("Action=GetCallerIdentity"));
        }
    }

    @Test
    void executionRoleLifecycle() {
        assertThrows(NoSuchEntityException.class, () -> iam.getRole(request -> request.roleName("DemoRole")));
        Role created = iam.createRole(request -> request.roleName("DemoRole")
                .assumeRolePolicyDocument(StandInFixtures.TRUST_POLICY).description("Execution role for demo")
                .tags(Tag.builder().key("agentcore4j:created").value("true").build())).role();
        assertEquals("arn:aws:iam::210987654321:role/DemoRole", created.arn());
        assertThrows(EntityAlreadyExistsException.class, () -> iam.createRole(request -> request.roleName("DemoRole")
                .assumeRolePolicyDocument(StandInFixtures.TRUST_POLICY)));

        Role read = iam.getRole(request -> request.roleName("DemoRole")).role();
        assertEquals(StandInFixtures.TRUST_POLICY, URLDecoder.decode(read.assumeRolePolicyDocument(), StandardCharsets.UTF_8),
                "IAM returns policy documents URL-encoded, as the real service does");
        assertEquals("Execution role for demo", read.description());
        assertEquals("true", read.tags().get(0).value());

        iam.putRolePolicy(request -> request.roleName("DemoRole").policyName("DemoPolicy").policyDocument(POLICY));
        assertEquals(POLICY, URLDecoder.decode(iam.getRolePolicy(request -> request.roleName("DemoRole")
                .policyName("DemoPolicy")).policyDocument(), StandardCharsets.UTF_8));
        assertEquals(List.of("DemoPolicy"), iam.listRolePolicies(request -> request.roleName("DemoRole")).policyNames());
        assertEquals(Map.of("DemoPolicy", POLICY), aws.iam().role("DemoRole").orElseThrow().inlinePolicies());
        assertThrows(MalformedPolicyDocumentException.class, () -> iam.putRolePolicy(request -> request
                .roleName("DemoRole").policyName("Bad").policyDocument("not json")));

        assertThrows(DeleteConflictException.class, () -> iam.deleteRole(request -> request.roleName("DemoRole")),
                "IAM refuses to delete a role that still has inline policies");
        iam.deleteRolePolicy(request -> request.roleName("DemoRole").policyName("DemoPolicy"));
        assertThrows(NoSuchEntityException.class, () -> iam.getRolePolicy(request -> request.roleName("DemoRole")
                .policyName("DemoPolicy")));
        iam.deleteRole(request -> request.roleName("DemoRole"));
        assertTrue(aws.iam().roles().isEmpty());
    }

    @Test
    void managedPoliciesAreAttachedListedAndMustBeDetachedBeforeDeletion() {
        String policyArn = "arn:aws:iam::aws:policy/AmazonBedrockFullAccess";
        aws.iam().addRole("UserRole", StandInFixtures.TRUST_POLICY);
        iam.attachRolePolicy(request -> request.roleName("UserRole").policyArn(policyArn));
        var attached = iam.listAttachedRolePolicies(request -> request.roleName("UserRole")).attachedPolicies();
        assertEquals(List.of("AmazonBedrockFullAccess " + policyArn),
                attached.stream().map(policy -> policy.policyName() + " " + policy.policyArn()).toList());
        assertThrows(DeleteConflictException.class, () -> iam.deleteRole(request -> request.roleName("UserRole")));
        iam.detachRolePolicy(request -> request.roleName("UserRole").policyArn(policyArn));
        assertThrows(NoSuchEntityException.class,
                () -> iam.detachRolePolicy(request -> request.roleName("UserRole").policyArn(policyArn)));
        iam.deleteRole(request -> request.roleName("UserRole"));
        assertTrue(aws.iam().role("UserRole").isEmpty());
    }

    @Test
    void aSeededRoleIsOneTheRuntimeCanUse() {
        String arn = aws.iam().addRole("UserSuppliedRole", StandInFixtures.TRUST_POLICY);
        assertEquals(arn, iam.getRole(request -> request.roleName("UserSuppliedRole")).role().arn());
    }
}
