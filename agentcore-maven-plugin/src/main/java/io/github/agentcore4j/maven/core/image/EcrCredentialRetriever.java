package io.github.agentcore4j.maven.core.image;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import io.github.agentcore4j.maven.core.BuildLog;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;

/**
 * Gets a registry password for an ECR host from ECR's GetAuthorizationToken with the AWS SDK, so pushing to ECR needs
 * neither {@code docker-credential-ecr-login} nor a {@code docker login} that expires after twelve hours. When the
 * SDK finds no AWS credentials it logs why and lets the next credential source try.
 */
final class EcrCredentialRetriever implements CredentialRetriever {

    private final EcrRegistry registry;
    private final Function<EcrRegistry, EcrClient> clients;
    private final BuildLog log;

    EcrCredentialRetriever(EcrRegistry registry, Function<EcrRegistry, EcrClient> clients, BuildLog log) {
        this.registry = registry;
        this.clients = clients;
        this.log = log;
    }

    /** ECR clients for the registry's region, with the named AWS profile or the SDK's default credential chain. */
    static Function<EcrRegistry, EcrClient> sdkClients(String awsProfile) {
        return registry -> EcrClient.builder()
                .region(Region.of(registry.region()))
                .credentialsProvider(awsProfile == null || awsProfile.isBlank()
                        ? DefaultCredentialsProvider.builder().build()
                        : DefaultCredentialsProvider.builder().profileName(awsProfile).build())
                .build();
    }

    @Override
    public Optional<Credential> retrieve() {
        try (EcrClient ecr = clients.apply(registry)) {
            for (AuthorizationData data : ecr.getAuthorizationToken().authorizationData()) {
                String decoded = new String(Base64.getDecoder().decode(data.authorizationToken()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    log.info("Using an ECR token from the AWS SDK for " + registry.host());
                    return Optional.of(Credential.from(decoded.substring(0, colon), decoded.substring(colon + 1)));
                }
            }
            log.warn("ECR returned no usable authorization token for " + registry.host());
            return Optional.empty();
        } catch (SdkException | IllegalArgumentException e) {
            log.warn("Could not get an ECR token for " + registry.host() + " from the AWS SDK (" + e.getMessage()
                    + "). Set AWS credentials or the profile (agentcore.profile); trying the Docker config next.");
            return Optional.empty();
        }
    }
}
