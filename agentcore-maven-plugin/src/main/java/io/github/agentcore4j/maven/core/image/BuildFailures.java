package io.github.agentcore4j.maven.core.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.RegistryAuthenticationFailedException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.image.json.PlatformNotFoundInBaseImageException;
import com.google.cloud.tools.jib.image.json.UnlistedPlatformInManifestListException;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns what Jib throws into an {@link ImageBuildException} whose message says what went wrong in the user's terms,
 * which setting is involved, and the fix.
 */
final class BuildFailures {

    private static final String BASE_IMAGE = "the base image (<baseImage>, -Dagentcore.baseImage)";
    private static final String TARGET_IMAGE = "the target image (<image>, -Dagentcore.build.image)";

    private final ImageReference base;
    private final ImageReference target;
    private final ImageTarget destination;

    BuildFailures(ImageReference base, ImageReference target, ImageTarget destination) {
        this.base = base;
        this.target = target;
        this.destination = destination;
    }

    ImageBuildException explain(Exception failure) {
        List<Throwable> chain = causes(failure);
        for (Throwable cause : chain) {
            if (cause instanceof UnlistedPlatformInManifestListException
                    || cause instanceof PlatformNotFoundInBaseImageException) {
                return new ImageBuildException("Base image " + base + " has no linux/arm64 image, and AgentCore "
                        + "Runtime runs only linux/arm64. Fix: set <baseImage> (-Dagentcore.baseImage) to an image "
                        + "that includes linux/arm64, e.g. a multi-arch Java 21 JRE image such as "
                        + "eclipse-temurin:21-jre (the default).", failure);
            }
            if (cause instanceof InsecureRegistryException) {
                return new ImageBuildException("A registry answered only over plain HTTP or with a certificate that "
                        + "cannot be verified: " + cause.getMessage() + " Fix: use an HTTPS registry, or, only for a "
                        + "registry you trust such as a local test registry, set <allowInsecureRegistries>true"
                        + "</allowInsecureRegistries> (-Dagentcore.allowInsecureRegistries=true).", failure);
            }
            if (cause instanceof RegistryCredentialsNotSentException) {
                return new ImageBuildException(cause.getMessage() + ". The registry wants a login, and Jib sends "
                        + "none over plain HTTP. Fix: use HTTPS for this registry, or run Maven with "
                        + "-DsendCredentialsOverHttp=true if sending the password in clear text is acceptable; the "
                        + "credentials come from a settings.xml <server> whose <id> is the registry host, the Docker "
                        + "config, or for Amazon ECR the AWS SDK.", failure);
            }
            if (cause instanceof RegistryUnauthorizedException
                    || cause instanceof RegistryAuthenticationFailedException) {
                return unauthorized(cause, failure);
            }
            if (cause instanceof SSLHandshakeException && cause.getMessage() != null
                    && cause.getMessage().startsWith(RegistryHosts.CERTIFICATE_PROBLEM)) {
                return new ImageBuildException(cause.getMessage() + ". Fix: add the "
                        + "registry's CA to the JDK's trust store (or run Maven with -Djavax.net.ssl.trustStore=...), "
                        + "or, only for a registry you trust such as a local test registry, set "
                        + "<allowInsecureRegistries>true</allowInsecureRegistries> "
                        + "(-Dagentcore.allowInsecureRegistries=true).", failure);
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
                return unreachable(chain, failure);
            }
            if (cause instanceof CacheDirectoryCreationException) {
                return new ImageBuildException("Cannot create Jib's layer cache: " + cause.getMessage() + ". Fix: "
                        + "make the directory writable or point <baseImageCache> (-Dagentcore.baseImageCache) "
                        + "elsewhere.", failure);
            }
        }
        String details = messages(chain);
        String lowerCaseDetails = details.toLowerCase(Locale.ROOT);
        if (lowerCaseDetails.contains("pull image manifest") || lowerCaseDetails.contains("manifest unknown")
                || lowerCaseDetails.contains("name unknown")) {
            return new ImageBuildException("Base image " + base + " was not found: " + details + ". Fix: check the "
                    + "repository and tag of " + BASE_IMAGE + "; pin it by digest for reproducible builds.", failure);
        }
        if (destination instanceof ImageTarget.Daemon daemon
                && (lowerCaseDetails.contains("docker") || lowerCaseDetails.contains("podman"))) {
            return new ImageBuildException("Cannot load image " + target + " into the local container engine with "
                    + daemon.executable() + ": " + details + ". Fix: start the Docker or Podman engine (the client "
                    + "alone is not enough), or build with -Dagentcore.build.target=registry or tar.", failure);
        }
        return new ImageBuildException("Building image " + target + " failed: " + details, failure);
    }

    private ImageBuildException unauthorized(Throwable cause, Exception failure) {
        String registry = mentions(cause.getMessage(), base) && !mentions(cause.getMessage(), target)
                ? base.getRegistry() : target.getRegistry();
        String which = registry.equals(target.getRegistry()) ? TARGET_IMAGE : BASE_IMAGE;
        return new ImageBuildException("Registry " + registry + " refused access for " + which + ": "
                + cause.getMessage() + ". Fix: give credentials for " + registry + " as a settings.xml <server> with "
                + "<id>" + registry + "</id>, or `docker login " + registry + "`; for Amazon ECR, provide AWS "
                + "credentials allowed to call ecr:GetAuthorizationToken and push (-Dagentcore.profile picks a "
                + "profile).", failure);
    }

    private ImageBuildException unreachable(List<Throwable> chain, Exception failure) {
        String details = messages(chain);
        boolean targetMentioned = mentions(details, target);
        boolean baseMentioned = mentions(details, base);
        String which;
        String registry;
        if (baseMentioned && !targetMentioned) {
            which = BASE_IMAGE;
            registry = base.getRegistry();
        } else if (targetMentioned && !baseMentioned) {
            which = TARGET_IMAGE;
            registry = target.getRegistry();
        } else {
            which = BASE_IMAGE + " or " + TARGET_IMAGE;
            registry = base.getRegistry().equals(target.getRegistry())
                    ? target.getRegistry() : base.getRegistry() + " or " + target.getRegistry();
        }
        return new ImageBuildException("Cannot reach registry " + registry + " for " + which + ": " + details
                + ". Fix: check the registry host and port in that setting, your network and proxy settings, and "
                + "that the registry is running.", failure);
    }

    /** Whether a message names the image's registry host (with port, if it has one); never for a local base. */
    private static boolean mentions(String message, ImageReference image) {
        return message != null && !image.isScratch() && message.toLowerCase(Locale.ROOT).contains(image.getRegistry().toLowerCase(Locale.ROOT));
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static String messages(List<Throwable> chain) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause : chain) {
            // First lines only: registry errors go on with the raw HTTP request and response.
            String message = cause.getMessage() == null ? "" : cause.getMessage().lines().findFirst().orElse("");
            if (!message.isBlank() && messages.stream().noneMatch(known -> known.contains(message))) {
                messages.add(message);
            }
        }
        return messages.isEmpty() ? chain.get(0).getClass().getSimpleName() : String.join(": ", messages);
    }
}
