package io.github.agentcore4j.maven.core.config;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The service's own limits for what deploy sends, written by hand from the AWS models
 * ({@code bedrock-agentcore-control} 2026-08, {@code ecr}) and the AgentCore docs where the model says less, so that a
 * value AWS would refuse fails before any AWS call and before any image is built. Each check throws an
 * {@link InvalidSettingException} that names the setting, the rule and the fix.
 */
public final class ServiceRules {

    /** {@code SecurityGroupId}. */
    static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-zA-Z]{8,17}");
    /** {@code SubnetId}. */
    static final Pattern SUBNET = Pattern.compile("subnet-[0-9a-zA-Z]{8,17}");
    /** {@code SecurityGroups} and {@code Subnets}: 1..16 each. */
    static final int MAX_VPC_IDS = 16;
    /** {@code DiscoveryUrl}. */
    static final Pattern DISCOVERY_URL = Pattern.compile(".+/\\.well-known/openid-configuration");
    /** {@code AllowedScopeType}: printable ASCII without space, {@code "} and {@code \}, 1..255. */
    static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,255}");
    /** {@code HeaderName}. */
    static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,255}");
    /** {@code RequestHeaderAllowlist}: 1..20. */
    static final int MAX_ALLOWLISTED_HEADERS = 20;
    /** The docs' restricted headers (runtime-header-allowlist.html), which the service refuses to allow-list. */
    static final Set<String> RESTRICTED_HEADERS = caseInsensitive(
            "Proxy-Authorization", "WWW-Authenticate",
            "Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language", "Content-Type", "Content-Length",
            "Content-Encoding", "Content-Language", "Content-Location", "Content-Range",
            "Cache-Control", "ETag", "Expires", "If-Match", "If-Modified-Since", "If-None-Match", "If-Range",
            "If-Unmodified-Since", "Last-Modified", "Pragma", "Vary",
            "Connection", "Keep-Alive", "Proxy-Connection", "Upgrade",
            "Host", "User-Agent", "Referer", "From",
            "Range", "Accept-Ranges", "Transfer-Encoding", "TE", "Trailer",
            "Server", "Date", "Location", "Retry-After",
            "Set-Cookie", "Cookie",
            "Content-Security-Policy", "Content-Security-Policy-Report-Only", "Strict-Transport-Security",
            "X-Content-Type-Options", "X-Frame-Options", "X-XSS-Protection", "Referrer-Policy",
            "Permissions-Policy");
    static final String CUSTOM_HEADER_PREFIX = "X-Amzn-Bedrock-AgentCore-Runtime-Custom-";
    /** {@code EnvironmentVariablesMap}: at most 50, keys 1..100, values up to 5,000 characters. */
    static final int MAX_ENVIRONMENT_VARIABLES = 50;
    static final int MAX_ENVIRONMENT_NAME = 100;
    static final int MAX_ENVIRONMENT_VALUE = 5000;
    /** {@code EndpointName}. */
    static final Pattern ENDPOINT_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,47}");
    /** {@code Description}: 1..4,096. */
    static final int MAX_DESCRIPTION = 4096;
    /** ECR {@code RepositoryName}: 2..256. */
    static final Pattern REPOSITORY_NAME = Pattern.compile(
            "[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");
    static final int MAX_REPOSITORY_NAME = 256;
    /** {@code MountPath}: 6..200. */
    static final Pattern MOUNT_PATH = Pattern.compile("/mnt/[a-zA-Z0-9._-]+/?");
    static final int MAX_MOUNT_PATH = 200;
    /** {@code EfsAccessPointArn} (at most 128) and {@code S3FilesAccessPointArn} (at most 256). */
    static final Pattern EFS_ACCESS_POINT = Pattern.compile(
            "arn:aws[-a-z]*:elasticfilesystem:[0-9a-z-:]+:access-point/fsap-[0-9a-f]{8,40}");
    static final Pattern S3_FILES_ACCESS_POINT = Pattern.compile(
            "arn:aws[-a-z]*:s3files:[0-9a-z-:]+:file-system/fs-[0-9a-f]{17,40}/access-point/fsap-[0-9a-f]{17,40}");
    /** {@code FilesystemConfigurations}: at most 5; the docs allow one session storage, two of each access point. */
    static final int MAX_FILESYSTEMS = 5;
    /** {@code TagsMap}: at most 50; keys 1..128, values up to 256, both of this pattern. */
    static final Pattern TAG_TEXT = Pattern.compile("[a-zA-Z0-9\\s._:/=+@-]*");
    static final int MAX_TAGS = 50;
    /** {@code allowedPorts} (session endpoints, 2026-10): 1..5 entries, ports 8000..12000. */
    static final int MIN_ALLOWED_PORT = 8000;
    static final int MAX_ALLOWED_PORT = 12000;
    static final int MAX_ALLOWED_PORTS = 5;
    /** {@code SessionType}: runtime session ids are 33..256 characters. */
    public static final int MIN_SESSION_ID = 33;
    public static final int MAX_SESSION_ID = 256;

    private ServiceRules() {
    }

    /** Checks the VPC ids of one list ({@code securityGroups} or {@code subnets}). */
    static void checkVpcIds(String property, Collection<String> ids, Pattern pattern, String example) {
        if (ids.size() > MAX_VPC_IDS) {
            throw new InvalidSettingException(property, ids.size() + " are listed, more than the " + MAX_VPC_IDS
                    + " AgentCore accepts", "keep at most " + MAX_VPC_IDS);
        }
        for (String id : ids) {
            if (!pattern.matcher(id).matches()) {
                throw new InvalidSettingException(property, "'" + id + "' does not match " + pattern.pattern(),
                        "use the id exactly as the VPC console shows it, e.g. " + example);
            }
        }
    }

    /** Checks one request header name for the allowlist. */
    static void checkHeaderName(String name, boolean hasJwtAuthorizer) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!HEADER_NAME.matcher(name).matches()) {
            throw new InvalidSettingException(PropertyNames.REQUEST_HEADER_ALLOWLIST,
                    "'" + name + "' does not match the service's "
                    + "header name pattern " + HEADER_NAME.pattern(), "start with a letter and use only letters, "
                    + "digits, '-' and '_', e.g. X-Tenant-Id");
        }
        if (RESTRICTED_HEADERS.contains(name)) {
            throw new InvalidSettingException(PropertyNames.REQUEST_HEADER_ALLOWLIST,
                    name + " is one of the headers AgentCore "
                    + "Runtime never passes on (restricted headers)", "remove it; pass the value in a header of "
                    + "your own, e.g. X-" + name);
        }
        if (lower.startsWith("x-amz-") || (lower.startsWith("x-amzn-")
                && !lower.startsWith(CUSTOM_HEADER_PREFIX.toLowerCase(Locale.ROOT)))) {
            throw new InvalidSettingException(PropertyNames.REQUEST_HEADER_ALLOWLIST, name
                    + " is reserved by AWS (x-amz-*, x-amzn-*)", "use another name, or "
                    + CUSTOM_HEADER_PREFIX + "<Name>");
        }
        if (lower.equals("authorization") && !hasJwtAuthorizer) {
            throw new InvalidSettingException(PropertyNames.REQUEST_HEADER_ALLOWLIST, "Authorization is only passed to "
                    + "agents with a JWT authorizer", "set jwtDiscoveryUrl, or remove Authorization");
        }
    }

    /** Checks a named endpoint's name ({@code agentcore.deploy.endpoint}, {@code agentcore.rollback.endpoint}...). */
    public static String checkEndpointName(String property, String name) {
        if (!ENDPOINT_NAME.matcher(name).matches()) {
            throw new InvalidSettingException(property, "'" + name + "' is not an endpoint name ("
                    + ENDPOINT_NAME.pattern() + ")", "start with a letter and use at most 48 letters, digits and "
                    + "'_', e.g. prod");
        }
        return name;
    }

    /**
     * Checks the ECR repository name, given or derived from the agent name.
     *
     * @param derived whether deploy made it from the agent name (then the fix is to choose one)
     */
    public static String checkRepositoryName(String name, boolean derived) {
        if (name.length() < 2 || name.length() > MAX_REPOSITORY_NAME || !REPOSITORY_NAME.matcher(name).matches()) {
            String fix = derived ? "set agentcore.deploy.repository to a valid name, or choose an agentName without "
                    + "a trailing '_' or three '_' in a row"
                    : "use lower-case letters and digits separated by '.', '_', '__' or '-', with '/' between parts";
            throw new InvalidSettingException(PropertyNames.DEPLOY_REPOSITORY, "'" + name
                    + "'" + (derived ? " (derived from the agent name)" : "") + " is not a valid ECR repository "
                    + "name (2..256 characters of " + REPOSITORY_NAME.pattern() + ")", fix);
        }
        return name;
    }

    /** Checks one tag key and value. */
    static void checkTag(String key, String value) {
        if (key.isEmpty() || key.length() > 128 || !TAG_TEXT.matcher(key).matches()) {
            throw new InvalidSettingException(PropertyNames.TAGS, "tag key '" + key + "' is not 1..128 characters of "
                    + TAG_TEXT.pattern(), "use letters, digits, spaces and . _ : / = + @ -");
        }
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw new InvalidSettingException(PropertyNames.TAGS,
                    "tag key '" + key + "' starts with aws:, which AWS reserves",
                    "choose another key");
        }
        if (value.length() > 256 || !TAG_TEXT.matcher(value).matches()) {
            throw new InvalidSettingException(PropertyNames.TAGS,
                    "the value of tag " + key + " is not 0..256 characters of "
                    + TAG_TEXT.pattern(), "use letters, digits, spaces and . _ : / = + @ -");
        }
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return Collections.unmodifiableSet(set);
    }
}
