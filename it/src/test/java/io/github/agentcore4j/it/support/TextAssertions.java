package io.github.agentcore4j.it.support;

/** Checks on what a Maven run or an agent printed, with the whole text in the failure so it can be read. */
public final class TextAssertions {

    private TextAssertions() {
    }

    /** Fails unless {@code text} contains {@code expected}, showing both. */
    public static void assertContains(String text, String expected) {
        if (!text.contains(expected)) {
            throw new AssertionError("expected\n" + expected + "\nin\n" + text);
        }
    }
}
