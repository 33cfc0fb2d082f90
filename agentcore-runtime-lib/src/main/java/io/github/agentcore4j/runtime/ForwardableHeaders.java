package io.github.agentcore4j.runtime;

import java.util.Locale;
import java.util.Set;

/**
 * The AgentCore Runtime header allowlist rules: which request headers may reach agent code. A header is forwardable
 * unless it is on the restricted list, starts with {@code x-amz-} (SigV4's, except the identity token header) or
 * starts with {@code x-amzn-} (the platform's, except the custom-header prefix).
 */
final class ForwardableHeaders {

    /** The restricted list of the AgentCore "header allowlist" documentation, lower-cased. */
    private static final Set<String> RESTRICTED = Set.of(
            // authentication
            "proxy-authorization", "www-authenticate",
            // content negotiation
            "accept", "accept-charset", "accept-encoding", "accept-language", "content-type", "content-length",
            "content-encoding", "content-language", "content-location", "content-range",
            // caching
            "cache-control", "etag", "expires", "if-match", "if-modified-since", "if-none-match", "if-range",
            "if-unmodified-since", "last-modified", "pragma", "vary",
            // connection management
            "connection", "keep-alive", "proxy-connection", "upgrade",
            // request context
            "host", "user-agent", "referer", "from",
            // ranges and transfer
            "range", "accept-ranges", "transfer-encoding", "te", "trailer",
            // server information
            "server", "date", "location", "retry-after",
            // cookies
            "set-cookie", "cookie",
            // security
            "content-security-policy", "content-security-policy-report-only", "strict-transport-security",
            "x-content-type-options", "x-frame-options", "x-xss-protection", "referrer-policy", "permissions-policy",
            "cross-origin-embedder-policy", "cross-origin-opener-policy", "cross-origin-resource-policy",
            // CORS
            "access-control-allow-origin", "access-control-allow-methods", "access-control-allow-headers",
            "access-control-allow-credentials", "access-control-expose-headers", "access-control-max-age",
            "access-control-request-method", "access-control-request-headers", "origin",
            // client hints
            "accept-ch", "accept-ch-lifetime", "dpr", "width", "viewport-width", "downlink", "ect", "rtt",
            "save-data",
            // experimental and proposed
            "clear-site-data", "feature-policy", "expect-ct", "public-key-pins", "public-key-pins-report-only",
            // proxies
            "via", "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip",
            "x-requested-with", "x-csrf-token",
            // IP spoofing and URL rewriting
            "true-client-ip", "x-client-ip", "x-cluster-client-ip", "x-originating-ip", "x-source-ip",
            "x-original-url", "x-original-host", "x-rewrite-url",
            // CDNs
            "cf-ray", "cf-connecting-ip", "x-amz-cf-id", "x-cache", "x-served-by",
            // HTTP/2 pseudo-headers
            ":method", ":path", ":scheme", ":authority", ":status",
            // server push
            "link",
            // WebSocket
            "sec-websocket-key", "sec-websocket-accept", "sec-websocket-version", "sec-websocket-protocol",
            "sec-websocket-extensions");

    private static final String IDENTITY_WAT = RequestContext.IDENTITY_WAT_HEADER.toLowerCase(Locale.ROOT);
    private static final String CUSTOM_PREFIX = RequestContext.CUSTOM_HEADER_PREFIX.toLowerCase(Locale.ROOT);

    private ForwardableHeaders() {
    }

    static boolean isForwardable(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        if (RESTRICTED.contains(name)) {
            return false;
        }
        if (name.startsWith("x-amz-")) {
            return name.equals(IDENTITY_WAT);
        }
        return !name.startsWith("x-amzn-") || name.startsWith(CUSTOM_PREFIX);
    }
}
