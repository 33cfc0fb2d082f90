package io.github.agentcore4j.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of an agent object that handles {@code POST /invocations}; register the object with
 * {@link AgentCoreApp#entrypoint(Object)}. Its parameters are bound by type: one payload parameter (a record or
 * POJO, {@code Map}, {@code List}, {@code Object}, Jackson {@code JsonNode}, {@code String} for the raw body text or
 * {@code byte[]} for the raw body), and optionally a {@link RequestContext} and an {@link EventEmitter}. A method
 * that takes an {@code EventEmitter} streams; otherwise its return value is the response.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Entrypoint {
}
