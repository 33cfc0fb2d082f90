package io.github.agentcore4j.it.registry;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The registry fixture every IT uses: a {@link LocalRegistry} that starts before a test class's tests, in
 * {@code <it.work>/<scenario>/registry} (emptied first), is seeded (a base image pushed, ...) and stops after them,
 * whatever happened in between. Register it on a static field (or {@link #start()} and {@link #close()} it):
 * <pre>{@code
 * @RegisterExtension
 * static final TestRegistry registry = TestRegistry.forScenario("deploy").seededWith(TinyBaseImages::pushArm64Base);
 * }</pre>
 */
public final class TestRegistry implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private final String scenario;
    private final String directoryName;
    private final String htpasswdEntry;
    private final Precondition precondition;
    private final Seed seed;
    private LocalRegistry registry;

    private TestRegistry(String scenario, String directoryName, String htpasswdEntry, Precondition precondition,
                         Seed seed) {
        this.scenario = scenario;
        this.directoryName = directoryName;
        this.htpasswdEntry = htpasswdEntry;
        this.precondition = precondition;
        this.seed = seed;
    }

    /** A registry anyone may push to, in {@code <it.work>/<scenario>/registry}. */
    public static TestRegistry forScenario(String scenario) {
        return new TestRegistry(scenario, "registry", null, () -> { }, (registry, work) -> { });
    }

    /** The same registry in {@code <it.work>/<scenario>/<directoryName>}, for a class that starts two. */
    public TestRegistry in(String directoryName) {
        return new TestRegistry(scenario, directoryName, htpasswdEntry, precondition, seed);
    }

    /**
     * The same registry, but every request needs HTTP basic authentication as the one user of {@code htpasswdEntry},
     * {@code user:<bcrypt hash>} (e.g. from {@code htpasswd -nB user}).
     */
    public TestRegistry requiringLogin(String htpasswdEntry) {
        return new TestRegistry(scenario, directoryName, htpasswdEntry, precondition, seed);
    }

    /**
     * Checks {@code precondition} before the registry starts, so that a test class whose other tools are missing is
     * skipped (through an assumption) before it needs the registry.
     */
    public TestRegistry requiring(Precondition precondition) {
        return new TestRegistry(scenario, directoryName, htpasswdEntry, precondition, seed);
    }

    /** Runs {@code seed} once the registry is up, before the tests; a failing seed stops the registry. */
    public TestRegistry seededWith(Seed seed) {
        return new TestRegistry(scenario, directoryName, htpasswdEntry, precondition, seed);
    }

    /** The directory of a test scenario: {@code <it.work>/<scenario>}, {@code it.work} defaulting to target/it. */
    private static Path work(String scenario) {
        return Paths.get(System.getProperty("it.work", "target/it")).resolve(scenario);
    }

    /** The running registry. */
    public LocalRegistry registry() {
        if (registry == null) {
            throw new IllegalStateException("The registry of " + scenario + " runs only while its test class does");
        }
        return registry;
    }

    /** {@code 127.0.0.1:<port>}, the registry part of image references. */
    public String address() {
        return registry().address();
    }

    /**
     * Checks the precondition, starts the registry and seeds it; a failing seed stops it again. What a fixture that
     * holds a registry among other things (DeployStage) calls from its own callbacks; {@link #close()} stops it.
     */
    public TestRegistry start() throws Exception {
        precondition.check();
        Path work = work(scenario);
        Path directory = work.resolve(directoryName);
        registry = htpasswdEntry == null ? LocalRegistry.start(directory)
                : LocalRegistry.startRequiringLogin(directory, htpasswdEntry);
        try {
            seed.seed(registry, work);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
        return this;
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** What must hold before the registry starts; an assumption that fails skips the test class. */
    @FunctionalInterface
    public interface Precondition {
        void check() throws Exception;
    }

    /** What a test class needs in its registry before its tests run. */
    @FunctionalInterface
    public interface Seed {
        /** {@code work} is the scenario's directory, {@code <it.work>/<scenario>}. */
        void seed(LocalRegistry registry, Path work) throws Exception;
    }
}
