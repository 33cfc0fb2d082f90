package io.github.agentcore4j.maven.core.config;

/** Where AgentCore Runtime places the agent: on the public network, or in the user's VPC. */
public enum NetworkMode {
    PUBLIC,
    VPC
}
