package io.github.agentcore4j.maven.core.image;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import io.github.agentcore4j.maven.core.BuildLog;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * Attaches credential sources to a registry image, tried in this order: an explicit credential for the registry
 * (Maven {@code settings.xml} {@code <server>}), an ECR token from the AWS SDK for ECR hosts, then the Docker config
 * ({@code ~/.docker/config.json}). The first that has a credential wins; with none, Jib tries anonymous access.
 */
final class RegistryCredentials {

    private final Map<String, RegistryCredential> explicit;
    private final Function<EcrRegistry, EcrClient> ecrClients;
    private final BuildLog log;
    private final Consumer<LogEvent> jibLog;

    RegistryCredentials(Map<String, RegistryCredential> explicit, Function<EcrRegistry, EcrClient> ecrClients,
            BuildLog log, Consumer<LogEvent> jibLog) {
        this.explicit = explicit;
        this.ecrClients = ecrClients;
        this.log = log;
        this.jibLog = jibLog;
    }

    RegistryImage image(ImageReference reference) {
        RegistryImage image = RegistryImage.named(reference);
        String registry = reference.getRegistry();
        RegistryCredential configured = explicit.get(registry);
        if (configured != null) {
            image.addCredentialRetriever(() -> {
                log.info("Using credentials from " + configured.source() + " for " + registry);
                return Optional.of(Credential.from(configured.username(), configured.password()));
            });
        }
        EcrRegistry.parse(registry).ifPresent(ecr ->
                image.addCredentialRetriever(new EcrCredentialRetriever(ecr, ecrClients, log)));
        image.addCredentialRetriever(CredentialRetrieverFactory.forImage(reference, jibLog).dockerConfig());
        return image;
    }
}
