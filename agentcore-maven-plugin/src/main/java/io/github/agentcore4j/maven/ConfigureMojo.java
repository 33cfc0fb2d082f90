package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.config.Configurator;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes or updates {@code .bedrock_agentcore.yaml} (the AWS starter toolkit's configuration file) for this agent:
 * {@code default_agent}, and {@code agents.<name>} with its entrypoint (the main class), {@code platform:
 * linux/arm64}, the {@code aws.*} settings, {@code bedrock_agentcore.*} and (with a memory) {@code memory.*}. Other
 * agents and fields the plugin does not own are kept; settings left unset keep what the file has. The write is
 * atomic, and a run that would change nothing leaves the file untouched.
 *
 * @since 0.1.0
 */
@Mojo(name = "configure", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ConfigureMojo extends AbstractRuntimeMojo {

    @Override
    protected void doExecute() {
        Configurator.configure(configFile(), agentSettings(), memorySettings(), resolveMainClass(), buildLog());
    }
}
