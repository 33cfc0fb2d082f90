package io.github.agentcore4j.maven.core.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A custom claim the JWT authorizer checks, written {@code <claim> <STRING|STRING_ARRAY> <EQUALS|CONTAINS|CONTAINS_ANY>
 * <value>[|<value>...]}, e.g. {@code tier STRING EQUALS gold} or {@code groups STRING_ARRAY CONTAINS_ANY admin|ops}.
 * As in the service model, EQUALS matches one string ({@code matchValueString}); CONTAINS and CONTAINS_ANY match a
 * list ({@code matchValueStringList}).
 *
 * @param claimName the token claim to check ({@code inboundTokenClaimName})
 * @param valueType {@code STRING} or {@code STRING_ARRAY} ({@code inboundTokenClaimValueType})
 * @param operator {@code EQUALS}, {@code CONTAINS} or {@code CONTAINS_ANY} ({@code claimMatchOperator})
 * @param values the value(s) to match
 */
public record JwtCustomClaim(String claimName, String valueType, String operator, List<String> values) {

    private static final Pattern CLAIM_NAME = Pattern.compile("[A-Za-z0-9_.-:]{1,255}");
    private static final Pattern MATCH_VALUE = Pattern.compile("[A-Za-z0-9_.-]{1,255}");
    private static final List<String> VALUE_TYPES = List.of("STRING", "STRING_ARRAY");
    private static final List<String> OPERATORS = List.of("EQUALS", "CONTAINS", "CONTAINS_ANY");
    private static final String FORMAT = "write each claim as '<claim> <STRING|STRING_ARRAY> "
            + "<EQUALS|CONTAINS|CONTAINS_ANY> <value>[|<value>...]', e.g. 'tier STRING EQUALS gold'";

    public JwtCustomClaim {
        values = List.copyOf(values);
        if (!CLAIM_NAME.matcher(claimName).matches()) {
            throw invalid("claim name '" + claimName + "' is not 1..255 of A-Z a-z 0-9 _ . - :");
        }
        if (!VALUE_TYPES.contains(valueType)) {
            throw invalid("value type '" + valueType + "' is not one of " + VALUE_TYPES);
        }
        if (!OPERATORS.contains(operator)) {
            throw invalid("operator '" + operator + "' is not one of " + OPERATORS);
        }
        if (operator.equals("EQUALS") && values.size() != 1) {
            throw invalid("EQUALS matches exactly one value, got " + values);
        }
        if (values.isEmpty()) {
            throw invalid("claim '" + claimName + "' has no value to match");
        }
        for (String value : values) {
            if (!MATCH_VALUE.matcher(value).matches()) {
                throw invalid("match value '" + value + "' is not 1..255 of A-Z a-z 0-9 _ . -");
            }
        }
    }

    /** Parses one {@code <claim> <type> <operator> <value>[|<value>...]} setting. */
    public static JwtCustomClaim parse(String setting) {
        String[] parts = setting.trim().split("\\s+");
        if (parts.length != 4) {
            throw invalid("'" + setting + "' does not have 4 parts");
        }
        return new JwtCustomClaim(parts[0], parts[1], parts[2], List.of(parts[3].split("\\|", -1)));
    }

    /** Whether the service expects one {@code matchValueString} rather than a {@code matchValueStringList}. */
    public boolean matchesOneString() {
        return operator.equals("EQUALS");
    }

    private static InvalidSettingException invalid(String rule) {
        return new InvalidSettingException(PropertyNames.JWT_CUSTOM_CLAIMS, rule, FORMAT);
    }
}
