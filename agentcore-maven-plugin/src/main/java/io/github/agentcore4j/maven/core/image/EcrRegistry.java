package io.github.agentcore4j.maven.core.image;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Amazon ECR private registry host, {@code <account>.dkr.ecr.<region>.amazonaws.com}. Its token must come from
 * the same region, so the region is read from the host rather than from the {@code region} setting.
 */
public record EcrRegistry(String host, String accountId, String region) {

    private static final Pattern ECR_HOST =
            Pattern.compile("(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?");

    /** The ECR registry this host names, or empty for any other registry. */
    public static Optional<EcrRegistry> parse(String host) {
        Matcher matcher = ECR_HOST.matcher(host);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new EcrRegistry(host, matcher.group(1), matcher.group(2)));
    }
}
