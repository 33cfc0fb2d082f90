package io.github.agentcore4j.maven.core.config;

import java.util.List;
import java.util.Locale;

/**
 * The agent's network placement.
 *
 * @param mode PUBLIC or VPC
 * @param securityGroups security group ids, required with VPC, not allowed with PUBLIC
 * @param subnets subnet ids, required with VPC, not allowed with PUBLIC
 */
public record Network(NetworkMode mode, List<String> securityGroups, List<String> subnets) {

    public Network {
        securityGroups = List.copyOf(securityGroups);
        subnets = List.copyOf(subnets);
        if (mode == NetworkMode.VPC) {
            requireNonEmpty(PropertyNames.SECURITY_GROUPS, securityGroups, "sg-");
            requireNonEmpty(PropertyNames.SUBNETS, subnets, "subnet-");
            ServiceRules.checkVpcIds(PropertyNames.SECURITY_GROUPS, securityGroups, ServiceRules.SECURITY_GROUP,
                    "sg-0123456789abcdef0");
            ServiceRules.checkVpcIds(PropertyNames.SUBNETS, subnets, ServiceRules.SUBNET, "subnet-0123456789abcdef0");
        } else if (!securityGroups.isEmpty() || !subnets.isEmpty()) {
            throw new InvalidSettingException(
                    securityGroups.isEmpty() ? PropertyNames.SUBNETS : PropertyNames.SECURITY_GROUPS,
                    "it only applies with networkMode VPC, but networkMode is PUBLIC",
                    "set networkMode to VPC, or remove it");
        }
    }

    /**
     * Parses the {@code networkMode} setting, ignoring case.
     *
     * @throws InvalidSettingException naming the setting when the value is neither PUBLIC nor VPC
     */
    public static NetworkMode parseMode(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (NetworkMode mode : NetworkMode.values()) {
            if (mode.name().equals(normalized)) {
                return mode;
            }
        }
        throw new InvalidSettingException(PropertyNames.NETWORK_MODE,
                "'" + value + "' is not a network mode", "use PUBLIC or VPC");
    }

    private static void requireNonEmpty(String property, List<String> ids, String idPrefix) {
        if (ids.isEmpty()) {
            String parameter = PropertyNames.parameterOf(property);
            throw new InvalidSettingException(property, "networkMode is VPC but no " + parameter + " are set",
                    "list the " + parameter + " (" + idPrefix + "...) the agent runs in, comma-separated on the "
                            + "command line");
        }
    }
}
