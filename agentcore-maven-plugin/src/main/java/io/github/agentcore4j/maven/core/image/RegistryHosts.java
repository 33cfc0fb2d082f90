package io.github.agentcore4j.maven.core.image;

import com.google.cloud.tools.jib.api.ImageReference;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks up registry hosts once before the build. Jib retries every failed request with exponential backoff, about a
 * minute for a host that does not exist; a lookup fails in a moment and says the same thing. Skipped behind an HTTP
 * proxy, which may resolve names the machine cannot.
 */
final class RegistryHosts {

    private RegistryHosts() {
    }

    /** @throws UnknownHostException naming the host when the image's registry has no address */
    static void requireKnown(ImageReference image) throws UnknownHostException {
        if (System.getProperty("https.proxyHost") != null || System.getProperty("http.proxyHost") != null) {
            return;
        }
        String registry = image.getRegistry();
        int port = registry.lastIndexOf(':');
        String host = port > 0 && registry.indexOf(']') < port ? registry.substring(0, port) : registry;
        InetAddress.getByName(host);
    }
}
