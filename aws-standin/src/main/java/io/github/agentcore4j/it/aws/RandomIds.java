package io.github.agentcore4j.it.aws;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The random parts of the ids and secrets the stand-in issues (memory and identity). */
final class RandomIds {

    private static final String ALPHANUMERIC = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    /** {@code length} letters and digits, as AWS appends to a resource name to make its id. */
    static String alphanumeric(int length) {
        return RANDOM.ints(length, 0, ALPHANUMERIC.length()).mapToObj(ALPHANUMERIC::charAt)
                .collect(StringBuilder::new, StringBuilder::append, StringBuilder::append).toString();
    }

    /** {@code bytes} random bytes in lower-case hex. */
    static String hex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
