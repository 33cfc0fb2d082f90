package io.github.agentcore4j.maven.core.aws;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.net.URI;

/**
 * Where and as whom the plugin calls AWS.
 *
 * @param region the {@code region} setting, or {@code null} for the SDK's default chain
 * @param profile the {@code profile} setting, or {@code null} for the SDK's default chain
 * @param endpointUrl the {@code endpointUrl} setting: one URL for every AWS service (a stand-in, a proxy), or
 *     {@code null} to let the SDK decide, which honours {@code AWS_ENDPOINT_URL} and its per-service variants
 */
public record AwsSettings(String region, String profile, URI endpointUrl) {

    /**
     * @throws InvalidSettingException naming {@code endpointUrl} when it is not an absolute http(s) URL
     */
    public static AwsSettings of(String region, String profile, String endpointUrl) {
        URI endpoint = null;
        if (endpointUrl != null && !endpointUrl.isBlank()) {
            try {
                endpoint = URI.create(endpointUrl.trim());
            } catch (IllegalArgumentException e) {
                endpoint = null;
            }
            if (endpoint == null || endpoint.getHost() == null
                    || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
                throw new InvalidSettingException(PropertyNames.ENDPOINT_URL,
                        "'" + endpointUrl + "' is not an http(s) URL",
                        "use e.g. http://127.0.0.1:4566, or leave it unset for the AWS endpoints");
            }
        }
        return new AwsSettings(region, profile, endpoint);
    }
}
