package io.github.agentcore4j.maven.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The shared settings of an agent, validated: every goal sees the same agent. Build with {@link #builder()}.
 *
 * @param name the agent runtime name
 * @param protocol the server protocol
 * @param region the AWS region, or {@code null} for the default chain's
 * @param profile the AWS profile, or {@code null} for the default chain's
 * @param environment environment variables for the agent, in the order given
 * @param requestHeaderAllowlist headers AgentCore Runtime passes to the agent; empty when not set
 * @param lifecycle session timeouts
 * @param network network placement
 * @param jwtAuthorizer the OAuth inbound authorizer, or {@code null} for IAM (SigV4) callers
 * @param runtime the 2026 runtime settings: platform version, warmup hook, port and path, filesystems...
 * @param observability whether the agent is traced: the image carries the OpenTelemetry Java agent and deploy
 *        prepares CloudWatch for its telemetry
 */
public record AgentSettings(AgentName name, Protocol protocol, String region, String profile,
        Map<String, String> environment, List<String> requestHeaderAllowlist, Lifecycle lifecycle, Network network,
        JwtAuthorizer jwtAuthorizer, RuntimeOptions runtime, boolean observability) {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final String CUSTOM_HEADER_PREFIX = ServiceRules.CUSTOM_HEADER_PREFIX;

    public AgentSettings {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        requestHeaderAllowlist = List.copyOf(requestHeaderAllowlist);
    }

    /** These settings with {@code variables} as the agent's environment, e.g. with what deploy adds. */
    public AgentSettings withEnvironment(Map<String, String> variables) {
        return new AgentSettings(name, protocol, region, profile, variables, requestHeaderAllowlist, lifecycle, network,
                jwtAuthorizer, runtime, observability);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects raw setting values (as Maven hands them over) and validates them all in {@link #build()}. */
    public static final class Builder {
        private String agentName;
        private String artifactId;
        private String protocol = Protocol.HTTP.name();
        private String region;
        private String profile;
        private List<String> environment = List.of();
        private List<String> requestHeaderAllowlist = List.of();
        private Integer idleRuntimeSessionTimeout;
        private Integer maxLifetime;
        private String networkMode = NetworkMode.PUBLIC.name();
        private List<String> securityGroups = List.of();
        private List<String> subnets = List.of();
        private String jwtDiscoveryUrl;
        private List<String> jwtAllowedClients = List.of();
        private List<String> jwtAllowedAudiences = List.of();
        private List<String> jwtAllowedScopes = List.of();
        private List<JwtCustomClaim> jwtCustomClaims = List.of();
        private final RuntimeOptions.Raw runtime = new RuntimeOptions.Raw();
        private boolean observability = true;

        private Builder() {
        }

        /** The configured name (may be null) and the artifactId it defaults to. */
        public Builder agentName(String configured, String artifactId) {
            this.agentName = configured;
            this.artifactId = artifactId;
            return this;
        }

        public Builder protocol(String value) {
            this.protocol = value;
            return this;
        }

        public Builder region(String value) {
            this.region = value;
            return this;
        }

        public Builder profile(String value) {
            this.profile = value;
            return this;
        }

        /** Entries of the form {@code NAME=value}. */
        public Builder environment(List<String> entries) {
            this.environment = orEmpty(entries);
            return this;
        }

        public Builder requestHeaderAllowlist(List<String> headers) {
            this.requestHeaderAllowlist = orEmpty(headers);
            return this;
        }

        public Builder lifecycle(Integer idleRuntimeSessionTimeout, Integer maxLifetime) {
            this.idleRuntimeSessionTimeout = idleRuntimeSessionTimeout;
            this.maxLifetime = maxLifetime;
            return this;
        }

        public Builder network(String mode, List<String> securityGroups, List<String> subnets) {
            this.networkMode = mode;
            this.securityGroups = orEmpty(securityGroups);
            this.subnets = orEmpty(subnets);
            return this;
        }

        public Builder jwtAuthorizer(String discoveryUrl, List<String> allowedClients, List<String> allowedAudiences,
                List<String> allowedScopes) {
            this.jwtDiscoveryUrl = discoveryUrl;
            this.jwtAllowedClients = orEmpty(allowedClients);
            this.jwtAllowedAudiences = orEmpty(allowedAudiences);
            this.jwtAllowedScopes = orEmpty(allowedScopes);
            return this;
        }

        /** Custom claims of the JWT authorizer, each {@code <claim> <type> <operator> <value>[|<value>...]}. */
        public Builder jwtCustomClaims(List<String> claims) {
            this.jwtCustomClaims = orEmpty(claims).stream().map(JwtCustomClaim::parse).toList();
            return this;
        }

        /** {@code V1} or {@code V2}; unset means V2. */
        public Builder platformVersion(String value) {
            runtime.platformVersion = value;
            return this;
        }

        /** Whether deploy sends the build-time warmup hook, and the path it POSTs to (unset: /warmup). */
        public Builder warmup(boolean enabled, String path) {
            runtime.warmup = enabled;
            runtime.warmupPath = path;
            return this;
        }

        /** A custom serving port and invocation path; {@code null} keeps the protocol's. */
        public Builder serving(Integer port, String invocationPath) {
            runtime.port = port;
            runtime.invocationPath = invocationPath;
            return this;
        }

        public Builder description(String value) {
            runtime.description = value;
            return this;
        }

        /** Entries {@code KEY=value}. */
        public Builder tags(List<String> entries) {
            runtime.tags = orEmpty(entries);
            return this;
        }

        /** Entries {@code /mnt/<name>=session} or {@code /mnt/<name>=<access point ARN>}. */
        public Builder filesystems(List<String> entries) {
            runtime.filesystems = orEmpty(entries);
            return this;
        }

        /** Entries {@code 8081} or {@code 8100-8110}. */
        public Builder allowedPorts(List<String> entries) {
            runtime.allowedPorts = orEmpty(entries);
            return this;
        }

        public Builder minimumMemoryInMiB(Integer value) {
            runtime.minimumMemoryInMiB = value;
            return this;
        }

        public Builder observability(boolean enabled) {
            this.observability = enabled;
            return this;
        }

        /**
         * @throws InvalidSettingException for the first setting that is not valid, naming it and the fix
         */
        public AgentSettings build() {
            JwtAuthorizer authorizer = JwtAuthorizer.fromSettings(blankToNull(jwtDiscoveryUrl), jwtAllowedClients,
                    jwtAllowedAudiences, jwtAllowedScopes, jwtCustomClaims);
            Network checkedNetwork = new Network(Network.parseMode(networkMode), securityGroups, subnets);
            return new AgentSettings(
                    AgentName.resolve(agentName, artifactId),
                    Protocol.fromSetting(protocol),
                    checkRegion(blankToNull(region)),
                    blankToNull(profile),
                    parseEnvironment(environment),
                    checkAllowlist(requestHeaderAllowlist, authorizer != null),
                    new Lifecycle(idleRuntimeSessionTimeout, maxLifetime),
                    checkedNetwork,
                    authorizer,
                    runtime.build(checkedNetwork.mode()),
                    observability);
        }

        private static String checkRegion(String region) {
            if (region != null && !REGION.matcher(region).matches()) {
                throw new InvalidSettingException(PropertyNames.REGION, "'" + region + "' is not an AWS region name",
                        "use a region code such as us-east-1 or eu-central-1");
            }
            return region;
        }

        private static Map<String, String> parseEnvironment(List<String> entries) {
            Map<String, String> variables = new LinkedHashMap<>();
            for (String entry : entries) {
                int equals = entry.indexOf('=');
                String name = equals < 0 ? entry : entry.substring(0, equals);
                if (equals < 0 || !ENVIRONMENT_NAME.matcher(name).matches()) {
                    throw new InvalidSettingException(PropertyNames.ENVIRONMENT,
                            "'" + entry + "' is not NAME=value with a "
                            + "variable name of letters, digits and underscores", "write it as NAME=value");
                }
                String value = entry.substring(equals + 1);
                if (name.length() > ServiceRules.MAX_ENVIRONMENT_NAME) {
                    throw new InvalidSettingException(PropertyNames.ENVIRONMENT,
                            "the name " + name.substring(0, 20) + "... has "
                            + name.length() + " characters, more than the " + ServiceRules.MAX_ENVIRONMENT_NAME
                            + " AgentCore accepts", "shorten it to at most " + ServiceRules.MAX_ENVIRONMENT_NAME);
                }
                if (value.length() > ServiceRules.MAX_ENVIRONMENT_VALUE) {
                    throw new InvalidSettingException(PropertyNames.ENVIRONMENT,
                            "the value of " + name + " has " + value.length()
                            + " characters, more than the " + ServiceRules.MAX_ENVIRONMENT_VALUE + " AgentCore "
                            + "accepts", "shorten it, or pass a reference (e.g. a Secrets Manager name) instead");
                }
                if (variables.put(name, value) != null) {
                    throw new InvalidSettingException(PropertyNames.ENVIRONMENT,
                            name + " is set twice", "keep one " + name);
                }
            }
            if (variables.size() > ServiceRules.MAX_ENVIRONMENT_VARIABLES) {
                throw new InvalidSettingException(PropertyNames.ENVIRONMENT,
                        variables.size() + " variables are set, more than "
                        + "the " + ServiceRules.MAX_ENVIRONMENT_VARIABLES + " AgentCore accepts",
                        "keep at most " + ServiceRules.MAX_ENVIRONMENT_VARIABLES);
            }
            return variables;
        }

        private static List<String> checkAllowlist(List<String> headers, boolean hasJwtAuthorizer) {
            if (headers.size() > ServiceRules.MAX_ALLOWLISTED_HEADERS) {
                throw new InvalidSettingException(PropertyNames.REQUEST_HEADER_ALLOWLIST, headers.size()
                        + " headers are listed, more than the " + ServiceRules.MAX_ALLOWLISTED_HEADERS
                        + " AgentCore allows", "keep at most " + ServiceRules.MAX_ALLOWLISTED_HEADERS);
            }
            Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            List<String> checked = new ArrayList<>();
            for (String header : headers) {
                String name = header.trim();
                ServiceRules.checkHeaderName(name, hasJwtAuthorizer);
                if (!seen.add(name)) {
                    throw new InvalidSettingException(PropertyNames.REQUEST_HEADER_ALLOWLIST, name + " is listed twice "
                            + "(header names ignore case)", "keep one " + name);
                }
                checked.add(name);
            }
            return checked;
        }

        private static List<String> orEmpty(List<String> values) {
            return values == null ? List.of() : values.stream().filter(value -> !value.isBlank()).toList();
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
