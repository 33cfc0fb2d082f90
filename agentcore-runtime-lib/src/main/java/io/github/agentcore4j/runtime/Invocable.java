package io.github.agentcore4j.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The registered entrypoint in one shape, whichever way it was registered: what payload type it binds, whether it
 * streams through an {@link EventEmitter}, and how to call it.
 */
final class Invocable {

    @FunctionalInterface
    interface Call {
        Object call(Object payload, RequestContext context, EventEmitter events) throws Exception;
    }

    private final PayloadBinder binder;
    private final boolean emitsEvents;
    private final Call call;

    private Invocable(Class<?> payloadType, boolean emitsEvents, Call call) {
        this.binder = new PayloadBinder(payloadType);
        this.emitsEvents = emitsEvents;
        this.call = call;
    }

    @SuppressWarnings("unchecked")
    static <T> Invocable of(Class<T> payloadType, PayloadHandler<? super T> handler) {
        return new Invocable(payloadType, false, (payload, context, events) -> handler.handle((T) payload));
    }

    @SuppressWarnings("unchecked")
    static <T> Invocable of(Class<T> payloadType, InvocationHandler<? super T> handler) {
        return new Invocable(payloadType, false, (payload, context, events) -> handler.handle((T) payload, context));
    }

    @SuppressWarnings("unchecked")
    static <T> Invocable of(Class<T> payloadType, StreamingHandler<? super T> handler) {
        return new Invocable(payloadType, true, (payload, context, events) -> {
            handler.handle((T) payload, context, events);
            return null;
        });
    }

    /** The one {@link Entrypoint} method of {@code agent}, its parameters bound by type. */
    static Invocable ofAnnotated(Object agent) {
        Method method = findEntrypoint(agent.getClass());
        Class<?>[] types = method.getParameterTypes();
        Class<?> payloadType = null;
        boolean emitsEvents = false;
        for (Class<?> type : types) {
            if (type == EventEmitter.class) {
                emitsEvents = true;
            } else if (type != RequestContext.class) {
                if (payloadType != null) {
                    throw new IllegalArgumentException("@Entrypoint method " + describe(method)
                            + " has two payload parameters; keep one, plus optional RequestContext and EventEmitter");
                }
                payloadType = type;
            }
        }
        if (!Modifier.isPublic(method.getModifiers()) || !Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            method.setAccessible(true);
        }
        return new Invocable(payloadType == null ? Object.class : payloadType, emitsEvents,
                (payload, context, events) -> {
                    Object[] arguments = new Object[types.length];
                    for (int i = 0; i < types.length; i++) {
                        arguments[i] = types[i] == RequestContext.class ? context
                                : types[i] == EventEmitter.class ? events : payload;
                    }
                    try {
                        return method.invoke(agent, arguments);
                    } catch (InvocationTargetException e) {
                        throw unwrap(e.getCause());
                    }
                });
    }

    private static Method findEntrypoint(Class<?> type) {
        List<Method> found = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Entrypoint.class) && !method.isBridge()) {
                    found.add(method);
                }
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(type.getName() + " must have exactly one @Entrypoint method, found "
                    + found.size() + (found.isEmpty() ? "" : ": " + found.stream().map(Invocable::describe).toList()));
        }
        Method method = found.get(0);
        if (Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException("@Entrypoint method " + describe(method) + " must not be static");
        }
        return method;
    }

    private static Exception unwrap(Throwable cause) {
        if (cause instanceof Exception exception) {
            return exception;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    Object bind(RequestBody body) {
        return binder.bind(body);
    }

    /** Whether the handler takes the raw bytes or the text, which need the body in one array. */
    boolean takesWholeBody() {
        return binder.takesWholeBody();
    }

    boolean emitsEvents() {
        return emitsEvents;
    }

    Object call(Object payload, RequestContext context, EventEmitter events) throws Exception {
        return call.call(payload, context, events);
    }
}
