package io.github.agentcore4j.maven.core.image;

import com.google.cloud.tools.jib.api.ImageReference;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Checks registry hosts once before the build. Jib retries every failed request with exponential backoff, about a
 * minute for a host that does not exist or a certificate that cannot be verified; a lookup or one TLS handshake
 * fails in a moment and says the same thing. Skipped behind an HTTP proxy, which may resolve names the machine
 * cannot and terminate TLS itself.
 */
final class RegistryHosts {

    /** How the exception raised here starts, so {@link BuildFailures} tells it from Jib's own TLS failures. */
    static final String CERTIFICATE_PROBLEM = "Cannot verify the TLS certificate of registry ";
    private static final int HTTPS_PORT = 443;
    private static final int CHECK_TIMEOUT_MILLIS = 10_000;

    private RegistryHosts() {
    }

    /**
     * @param allowInsecure whether the registry may use plain HTTP or an unverified certificate (then TLS is not
     *     checked)
     * @throws UnknownHostException naming the host when the image's registry has no address
     * @throws SSLHandshakeException naming the registry when its certificate cannot be verified
     */
    static void requireReachable(ImageReference image, boolean allowInsecure) throws IOException {
        if (System.getProperty("https.proxyHost") != null || System.getProperty("http.proxyHost") != null) {
            return;
        }
        String registry = image.getRegistry();
        int colon = registry.lastIndexOf(':');
        boolean hasPort = colon > 0 && registry.indexOf(']') < colon;
        String host = hasPort ? registry.substring(0, colon) : registry;
        InetAddress address = InetAddress.getByName(host);
        if (!allowInsecure) {
            requireVerifiableCertificate(registry, host, address,
                    hasPort ? Integer.parseInt(registry.substring(colon + 1)) : HTTPS_PORT);
        }
    }

    /** One handshake with the JDK's trust store; only a certificate that fails verification stops the build here. */
    private static void requireVerifiableCertificate(String registry, String host, InetAddress address, int port)
            throws SSLHandshakeException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), CHECK_TIMEOUT_MILLIS);
            plain.setSoTimeout(CHECK_TIMEOUT_MILLIS);
            try (SSLSocket socket = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(plain, host, port, false)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.startHandshake();
            }
        } catch (SSLHandshakeException e) {
            if (isCertificateProblem(e)) {
                SSLHandshakeException named = new SSLHandshakeException(CERTIFICATE_PROBLEM + registry + ": "
                        + e.getMessage());
                named.initCause(e);
                throw named;
            }
        } catch (IOException leftToJib) {
            // Not listening, or plain HTTP: Jib reports these itself.
        }
    }

    private static boolean isCertificateProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException || cause instanceof CertPathValidatorException
                    || cause instanceof CertPathBuilderException) {
                return true;
            }
        }
        return false;
    }
}
