package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.deploy.DeployRequest;
import io.github.agentcore4j.maven.core.deploy.Deployer;
import io.github.agentcore4j.maven.core.identity.IdentitySettings;
import io.github.agentcore4j.maven.core.identity.SecretLookup;
import io.github.agentcore4j.maven.core.image.ImageBuilder;
import io.github.agentcore4j.maven.core.image.ImageTarget;
import io.github.agentcore4j.maven.core.observability.RuntimeObservability;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Ships the agent to Amazon Bedrock AgentCore Runtime: ensures the ECR repository and the execution role, builds and
 * pushes the image (as agentcore:build does) with a unique tag, creates or updates the runtime with the image by
 * digest, waits until the new version is READY and records it in {@code .bedrock_agentcore.yaml} and
 * {@code target/agentcore/runtime.json}. When neither the image nor the configuration changed, no version is made.
 *
 * @since 0.1.0
 */
@Mojo(name = "deploy", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DeployMojo extends AbstractRuntimeMojo {

    /**
     * The ECR repository name. Unset: {@code bedrock-agentcore-<agent name>}, created when missing (immutable tags,
     * scan on push). An existing repository is used as it is.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DEPLOY_REPOSITORY)
    private String repository;

    /**
     * The ARN of the execution role the runtime runs as, used untouched. Unset: the role in
     * {@code .bedrock_agentcore.yaml}, else a least-privilege role this plugin creates (and only then may delete).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DEPLOY_EXECUTION_ROLE)
    private String executionRole;

    /**
     * A named endpoint (e.g. {@code prod}) to point at the new version, created when missing. DEFAULT always serves
     * the latest version anyway.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DEPLOY_ENDPOINT)
    private String endpoint;

    /**
     * Prints the requests that would change anything (repository, role, runtime) instead of sending them; builds
     * nothing.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DEPLOY_DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    /**
     * Seconds to wait for the new version to become READY and served by DEFAULT (and the named endpoint) before the
     * build fails. Platform V2 prepares a snapshot in every create and update, which takes minutes.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.WAIT_TIMEOUT, defaultValue = "900")
    private int waitTimeout;

    /**
     * Turns on CloudWatch Transaction Search (once per account and region) when it is off: lets X-Ray write to
     * CloudWatch Logs and sends spans there, where the AgentCore dashboards read them. Without it, deploy only says
     * when it is off.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.DEPLOY_ENABLE_TRANSACTION_SEARCH, defaultValue = "false")
    private boolean enableTransactionSearch;

    /**
     * Lets the execution role deploy creates subscribe to a third-party model (e.g. Anthropic) through AWS
     * Marketplace on its first Bedrock call, only via Bedrock ({@code aws:CalledViaLast}), as the AWS starter
     * toolkit's role does. Without it, the first call to such a model in a fresh account fails, and keeps failing.
     * A role you supply is never changed.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.DEPLOY_MARKETPLACE_ACCESS, defaultValue = "true")
    private boolean marketplaceAccess;

    /**
     * Before anything is pushed or deployed, runs the image in the local container engine as linux/arm64, waits until
     * it is healthy and invokes it (see smokeTestPayload); an image that fails is refused, and its output is printed.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.DEPLOY_SMOKE_TEST, defaultValue = "false")
    private boolean smokeTest;

    /**
     * How many images the ECR repository deploy creates keeps: an ECR lifecycle policy expires older images, so
     * every deploy's new image does not pile up and cost storage. {@code 0} creates no policy. A repository that
     * already exists is left as it is.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.DEPLOY_KEEP_IMAGES, defaultValue = "20")
    private int keepImages;

    /**
     * AgentCore Identity API-key credential providers deploy creates (or, for one it created, stores the key again),
     * each {@code <name>=env:<VARIABLE>} or {@code <name>=server:<settings.xml server id>} whose password is the key,
     * e.g. {@code openai=env:OPENAI_API_KEY}. A key written into the POM is refused, and no key is logged. The role
     * deploy creates may read them through the token vault; with exactly one, the runtime gets its name in
     * {@code BEDROCK_AGENTCORE_MODEL_PROVIDER_API_KEY_NAME}. Destroy deletes them.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.DEPLOY_API_KEY_PROVIDERS)
    private List<String> apiKeyProviders;

    /**
     * Names of existing AgentCore Identity OAuth2 credential providers the agent gets tokens from: deploy checks
     * that they exist, records them and lets the role deploy creates get their tokens. Destroy keeps them.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.DEPLOY_OAUTH2_PROVIDERS)
    private List<String> oauth2Providers;

    @Override
    protected void doExecute() throws InterruptedException {
        // Every setting is checked (DeployRequest, memory, identity and its keys) before the smoke test builds an
        // image and before any AWS call.
        String mainClass = resolveMainClass();
        DeployRequest request = new DeployRequest(agentSettings(), mainClass, repository, executionRole, endpoint,
                Duration.ofSeconds(waitTimeout), dryRun, maven().version(), marketplaceAccess,
                keepImages, memorySettings(), IdentitySettings.of(apiKeyProviders, oauth2Providers)
                        .withKeys(secretLookup()));
        if (smokeTest && !dryRun) {
            smokeTest();
        }
        try (AwsSession aws = AwsSession.open(awsSettings())) {
            new Deployer(aws, configFile(), agentCoreDirectory(), buildLog()).deploy(request.withSettings(
                    new RuntimeObservability(aws, buildLog()).prepare(request.settings(), enableTransactionSearch,
                            dryRun)),
                    reference -> new ImageBuilder().build(imageRequest().target(new ImageTarget.Registry(reference)).build(),
                            buildLog()));
        }
    }

    /** API keys from the build's environment and from settings.xml server passwords. */
    private SecretLookup secretLookup() {
        return new SecretLookup() {
            @Override
            public Optional<String> environmentVariable(String name) {
                return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
            }

            @Override
            public Optional<String> serverPassword(String serverId) {
                return maven().serverPassword(serverId);
            }
        };
    }
}
