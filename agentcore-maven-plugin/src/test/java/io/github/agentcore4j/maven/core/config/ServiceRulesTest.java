package io.github.agentcore4j.maven.core.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.deploy.DeployRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each constraint of the service models (and the docs where the model says less) with a value just inside and one
 * just outside it: the inside value passes, the outside one fails naming the setting, the rule and a fix.
 */
class ServiceRulesTest {

    /** {@code parameter} is the setting an outside value must be blamed on; {@code null} marks an inside value. */
    private record Row(String value, String parameter, UnaryOperator<AgentSettings.Builder> settings) {
    }

    private static Row inside(String value, UnaryOperator<AgentSettings.Builder> settings) {
        return new Row(value, null, settings);
    }

    private static Row outside(String value, String parameter, UnaryOperator<AgentSettings.Builder> settings) {
        return new Row(value, parameter, settings);
    }

    private static String repeat(char c, int times) {
        return String.valueOf(c).repeat(times);
    }

    private static List<String> environment(int count) {
        return IntStream.range(0, count).mapToObj(i -> "V" + i + "=x").toList();
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + String.format("%08d", i)).toList();
    }

    private static AgentSettings.Builder vpc(AgentSettings.Builder builder) {
        return builder.network("VPC", List.of("sg-01234567"), List.of("subnet-01234567"));
    }

    private static final String EFS = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123abcd";
    private static final String S3_FILES = "arn:aws:s3files:us-east-1:123456789012:file-system/fs-"
            + repeat('a', 17) + "/access-point/fsap-" + repeat('b', 17);

    private static Stream<Row> rows() {
        return Stream.of(
                // EnvironmentVariablesMap: max 50, key 1..100, value 0..5000
                inside("50 variables", b -> b.environment(environment(50))),
                outside("51 variables", "environment", b -> b.environment(environment(51))),
                inside("name of 100", b -> b.environment(List.of(repeat('A', 100) + "=x"))),
                outside("name of 101", "environment", b -> b.environment(List.of(repeat('A', 101) + "=x"))),
                inside("value of 5000", b -> b.environment(List.of("A=" + repeat('x', 5000)))),
                outside("value of 5001", "environment", b -> b.environment(List.of("A=" + repeat('x', 5001)))),
                // SecurityGroupId / SubnetId sg-|subnet-[0-9a-zA-Z]{8,17}, 1..16 each
                inside("sg- + 8", b -> b.network("VPC", List.of("sg-abcdefgh"), List.of("subnet-abcdefgh"))),
                outside("sg- + 7", "securityGroups",
                        b -> b.network("VPC", List.of("sg-abcdefg"), List.of("subnet-abcdefgh"))),
                inside("sg- + 17", b -> b.network("VPC", List.of("sg-" + repeat('a', 17)), List.of("subnet-abcdefgh"))),
                outside("sg- + 18", "securityGroups",
                        b -> b.network("VPC", List.of("sg-" + repeat('a', 18)), List.of("subnet-abcdefgh"))),
                outside("subnet- + 7", "subnets", b -> b.network("VPC", List.of("sg-abcdefgh"), List.of("subnet-abc"))),
                outside("subnet with a dash", "subnets",
                        b -> b.network("VPC", List.of("sg-abcdefgh"), List.of("subnet-abcd-efgh"))),
                inside("16 subnets", b -> b.network("VPC", ids("sg-", 1), ids("subnet-", 16))),
                outside("17 subnets", "subnets", b -> b.network("VPC", ids("sg-", 1), ids("subnet-", 17))),
                outside("17 security groups", "securityGroups", b -> b.network("VPC", ids("sg-", 17), ids("subnet-", 1))),
                // DiscoveryUrl .+/\.well-known/openid-configuration
                inside("discovery URL", b -> b.jwtAuthorizer("https://idp/.well-known/openid-configuration",
                        null, null, null)),
                outside("discovery URL without the path", "jwtDiscoveryUrl",
                        b -> b.jwtAuthorizer("https://idp/.well-known/openid", null, null, null)),
                outside("discovery URL with nothing before", "jwtDiscoveryUrl",
                        b -> b.jwtAuthorizer("/.well-known/openid-configuration", null, null, null)),
                // AllowedScopeType [\x21\x23-\x5B\x5D-\x7E]{1,255}
                inside("scope of 255", b -> b.jwtAuthorizer("https://idp/.well-known/openid-configuration", null, null,
                        List.of(repeat('s', 255)))),
                outside("scope of 256", "jwtAllowedScopes", b -> b.jwtAuthorizer(
                        "https://idp/.well-known/openid-configuration", null, null, List.of(repeat('s', 256)))),
                outside("scope with a space", "jwtAllowedScopes", b -> b.jwtAuthorizer(
                        "https://idp/.well-known/openid-configuration", null, null, List.of("read write"))),
                outside("scope with a quote", "jwtAllowedScopes", b -> b.jwtAuthorizer(
                        "https://idp/.well-known/openid-configuration", null, null, List.of("read\""))),
                // RequestHeaderAllowlist 1..20 of [A-Za-z][A-Za-z0-9_-]{0,255}, minus the restricted headers
                inside("20 headers", b -> b.requestHeaderAllowlist(IntStream.range(0, 20)
                        .mapToObj(i -> "X-H" + i).toList())),
                outside("21 headers", "requestHeaderAllowlist", b -> b.requestHeaderAllowlist(IntStream.range(0, 21)
                        .mapToObj(i -> "X-H" + i).toList())),
                inside("header of 256", b -> b.requestHeaderAllowlist(List.of("X" + repeat('a', 255)))),
                outside("header of 257", "requestHeaderAllowlist",
                        b -> b.requestHeaderAllowlist(List.of("X" + repeat('a', 256)))),
                inside("header with underscore", b -> b.requestHeaderAllowlist(List.of("X_Tenant"))),
                outside("header with a dot", "requestHeaderAllowlist", b -> b.requestHeaderAllowlist(List.of("X.Tenant"))),
                outside("header with a tilde", "requestHeaderAllowlist",
                        b -> b.requestHeaderAllowlist(List.of("X~Tenant"))),
                outside("header starting with a digit", "requestHeaderAllowlist",
                        b -> b.requestHeaderAllowlist(List.of("1-Tenant"))),
                outside("Content-Type", "requestHeaderAllowlist", b -> b.requestHeaderAllowlist(List.of("Content-Type"))),
                outside("user-agent", "requestHeaderAllowlist", b -> b.requestHeaderAllowlist(List.of("user-agent"))),
                outside("Host", "requestHeaderAllowlist", b -> b.requestHeaderAllowlist(List.of("Host"))),
                outside("Accept-Language", "requestHeaderAllowlist",
                        b -> b.requestHeaderAllowlist(List.of("Accept-Language"))),
                outside("Cache-Control", "requestHeaderAllowlist", b -> b.requestHeaderAllowlist(List.of("Cache-Control"))),
                outside("Range", "requestHeaderAllowlist", b -> b.requestHeaderAllowlist(List.of("Range"))),
                outside("X-Amz-Date", "requestHeaderAllowlist", b -> b.requestHeaderAllowlist(List.of("X-Amz-Date"))),
                inside("custom prefix", b -> b.requestHeaderAllowlist(
                        List.of("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant"))),
                // LifecycleConfiguration 60..28800 (microVM runtimes)
                inside("idle 60", b -> b.lifecycle(60, null)),
                outside("idle 59", "idleRuntimeSessionTimeout", b -> b.lifecycle(59, null)),
                inside("max 28800", b -> b.lifecycle(null, 28800)),
                outside("max 28801", "maxLifetime", b -> b.lifecycle(null, 28801)),
                // Description 1..4096
                inside("description of 4096", b -> b.description(repeat('d', 4096))),
                outside("description of 4097", "description", b -> b.description(repeat('d', 4097))),
                // MountPath /mnt/[a-zA-Z0-9._-]+/? 6..200, FilesystemConfigurations <= 5
                inside("/mnt/a", b -> b.filesystems(List.of("/mnt/a=session"))),
                outside("/mnt/", "filesystems", b -> b.filesystems(List.of("/mnt/=session"))),
                outside("/data", "filesystems", b -> b.filesystems(List.of("/data=session"))),
                outside("/mnt/a/b", "filesystems", b -> b.filesystems(List.of("/mnt/a/b=session"))),
                inside("mount path of 200", b -> b.filesystems(List.of("/mnt/" + repeat('m', 195) + "=session"))),
                outside("mount path of 201", "filesystems",
                        b -> b.filesystems(List.of("/mnt/" + repeat('m', 196) + "=session"))),
                outside("two session storages", "filesystems",
                        b -> b.filesystems(List.of("/mnt/a=session", "/mnt/b=session"))),
                inside("EFS in a VPC", b -> vpc(b).filesystems(List.of("/mnt/e=" + EFS))),
                outside("EFS in PUBLIC", "filesystems", b -> b.filesystems(List.of("/mnt/e=" + EFS))),
                inside("S3 Files in a VPC", b -> vpc(b).filesystems(List.of("/mnt/s=" + S3_FILES))),
                outside("three EFS", "filesystems", b -> vpc(b).filesystems(List.of("/mnt/a=" + EFS, "/mnt/b=" + EFS,
                        "/mnt/c=" + EFS))),
                outside("EFS ARN with a short id", "filesystems", b -> vpc(b).filesystems(
                        List.of("/mnt/e=arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123"))),
                // allowedPorts 8000..12000, 1..5
                inside("port 8000", b -> b.allowedPorts(List.of("8000"))),
                outside("port 7999", "allowedPorts", b -> b.allowedPorts(List.of("7999"))),
                inside("range to 12000", b -> b.allowedPorts(List.of("11990-12000"))),
                outside("range to 12001", "allowedPorts", b -> b.allowedPorts(List.of("11990-12001"))),
                outside("reversed range", "allowedPorts", b -> b.allowedPorts(List.of("8100-8000"))),
                inside("5 ports", b -> b.allowedPorts(List.of("8001", "8002", "8003", "8004", "8005"))),
                outside("6 ports", "allowedPorts", b -> b.allowedPorts(List.of("8001", "8002", "8003", "8004", "8005",
                        "8006"))),
                // serving port and paths
                inside("port 65535", b -> b.serving(65535, "/run")),
                outside("port 0", "port", b -> b.serving(0, null)),
                outside("path without /", "invocationPath", b -> b.serving(null, "run")),
                outside("warmup path with a space", "warmupPath", b -> b.warmup(true, "/warm up")),
                outside("warmup on V1", "warmup", b -> b.platformVersion("V1").warmup(true, null)),
                outside("platform V3", "platformVersion", b -> b.platformVersion("V3")),
                inside("platform v1", b -> b.platformVersion("v1")),
                // TagsMap <= 50; key 1..128, value 0..256 of [a-zA-Z0-9\s._:/=+@-]*
                inside("tag key of 128", b -> b.tags(List.of(repeat('k', 128) + "=v"))),
                outside("tag key of 129", "tags", b -> b.tags(List.of(repeat('k', 129) + "=v"))),
                inside("tag value of 256", b -> b.tags(List.of("k=" + repeat('v', 256)))),
                outside("tag value of 257", "tags", b -> b.tags(List.of("k=" + repeat('v', 257)))),
                outside("tag value with !", "tags", b -> b.tags(List.of("k=v!"))),
                outside("aws: tag", "tags", b -> b.tags(List.of("aws:owner=me"))),
                inside("50 tags", b -> b.tags(IntStream.range(0, 50).mapToObj(i -> "k" + i + "=v").toList())),
                outside("51 tags", "tags", b -> b.tags(IntStream.range(0, 51).mapToObj(i -> "k" + i + "=v").toList())),
                outside("memory 0", "minimumMemoryInMiB", b -> b.minimumMemoryInMiB(0)),
                inside("memory 2048", b -> b.minimumMemoryInMiB(2048)));
    }

    @TestFactory
    Stream<DynamicTest> eachModelConstraintAcceptsItsBoundAndRefusesTheNextValue() {
        return rows().map(row -> DynamicTest.dynamicTest((row.parameter == null ? "accepts " : "refuses ") + row.value,
                () -> {
                    AgentSettings.Builder builder = row.settings.apply(
                            AgentSettings.builder().agentName(null, "demo-agent"));
                    if (row.parameter == null) {
                        assertDoesNotThrow(builder::build);
                    } else {
                        InvalidSettingException e = assertThrows(InvalidSettingException.class, builder::build);
                        assertEquals(row.parameter, e.parameter());
                        assertTrue(e.getMessage().contains("-Dagentcore." + row.parameter)
                                && e.getMessage().contains("Fix: "), e.getMessage());
                    }
                }));
    }

    private static DeployRequest deployRequest(String agentName, String repository, String endpoint) {
        return new DeployRequest(AgentSettings.builder().agentName(agentName, "x").build(), "a.Main", repository,
                null, endpoint, Duration.ofSeconds(1), false, "1.0", true, 20);
    }

    @TestFactory
    Stream<DynamicTest> deployNamesFollowTheServiceAndEcrPatterns() {
        return Stream.of(
                DynamicTest.dynamicTest("endpoint of 48", () -> assertDoesNotThrow(
                        () -> deployRequest("a", null, "p" + repeat('1', 47)))),
                DynamicTest.dynamicTest("endpoint of 49", () -> assertEquals("endpoint", assertThrows(
                        InvalidSettingException.class, () -> deployRequest("a", null, "p" + repeat('1', 48)))
                        .parameter())),
                DynamicTest.dynamicTest("endpoint with a dash", () -> assertThrows(InvalidSettingException.class,
                        () -> deployRequest("a", null, "my-prod"))),
                DynamicTest.dynamicTest("derived repository my__agent", () -> assertDoesNotThrow(
                        () -> deployRequest("my__agent", null, null))),
                DynamicTest.dynamicTest("derived repository with a trailing _", () -> assertTrue(assertThrows(
                        InvalidSettingException.class, () -> deployRequest("my_agent_", null, null)).getMessage()
                        .contains("derived from the agent name"))),
                DynamicTest.dynamicTest("repository of 256", () -> assertDoesNotThrow(
                        () -> deployRequest("a", repeat('r', 256), null))),
                DynamicTest.dynamicTest("repository of 257", () -> assertEquals("repository", assertThrows(
                        InvalidSettingException.class, () -> deployRequest("a", repeat('r', 257), null)).parameter())),
                DynamicTest.dynamicTest("repository with upper case", () -> assertThrows(
                        InvalidSettingException.class, () -> deployRequest("a", "Agents", null))),
                DynamicTest.dynamicTest("repository with a namespace", () -> assertDoesNotThrow(
                        () -> deployRequest("a", "team/agent.one", null))),
                DynamicTest.dynamicTest("no environment is fine", () -> assertEquals(Collections.emptyMap(),
                        AgentSettings.builder().agentName(null, "a").build().environment())));
    }
}
