package io.github.agentcore4j.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The tasks of this process, in memory, the oldest forgotten past a bound. AgentCore gives each session its own
 * microVM, so this is per session, as A2A's {@code GetTask} and {@code CancelTask} need, and never shared.
 * Tasks and their events are kept in the A2A 0.3 forms; {@link A2aV1} translates them for 1.0 callers.
 */
final class A2aTasks {

    /** How many tasks a session remembers; the oldest is forgotten first. */
    static final int DEFAULT_CAPACITY = 1000;

    private static final Set<String> TERMINAL = Set.of("completed", "failed", "canceled", "rejected");

    private final Map<String, Task> tasks;

    A2aTasks(int capacity) {
        this.tasks = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Task> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A new task for this message, in state {@code submitted}. */
    Task create(A2aMessage request) {
        String contextId = request.contextId() != null ? request.contextId() : Ids.uuid();
        Task task = new Task(Ids.uuid(), contextId, historyEntry(request));
        synchronized (tasks) {
            tasks.put(task.id, task);
        }
        return task;
    }

    /** The task with this id, or null when there is none (or it was forgotten). */
    Task get(String id) {
        synchronized (tasks) {
            return tasks.get(id);
        }
    }

    /** The tasks of a context (every task when {@code contextId} is null), newest first. */
    List<Task> list(String contextId) {
        List<Task> found = new ArrayList<>();
        synchronized (tasks) {
            for (Task task : tasks.values()) {
                if (contextId == null || contextId.equals(task.contextId)) {
                    found.add(0, task);
                }
            }
        }
        return found;
    }

    static boolean terminal(String state) {
        return TERMINAL.contains(state);
    }

    private static Map<String, Object> historyEntry(A2aMessage request) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("kind", "message");
        message.put("messageId", request.messageId());
        message.put("role", request.role());
        message.put("parts", request.parts());
        return message;
    }

    /** One task: its state, the reply artifact built so far, and whoever follows its events. */
    static final class Task {

        final String id;
        final String contextId;
        private final List<Map<String, Object>> history = new ArrayList<>();
        private final List<Map<String, Object>> replyParts = new ArrayList<>();
        private final List<BlockingQueue<Map<String, Object>>> followers = new ArrayList<>();
        private String state = "submitted";
        private Map<String, Object> statusMessage;

        private Task(String id, String contextId, Map<String, Object> request) {
            this.id = id;
            this.contextId = contextId;
            history.add(request);
        }

        String artifactId() {
            return id + "-response";
        }

        synchronized String state() {
            return state;
        }

        synchronized boolean isTerminal() {
            return terminal(state);
        }

        /**
         * Records an {@code artifact-update} or {@code status-update} event of this task and passes it to its
         * followers; a terminal status ends them.
         *
         * @return false when the task had already ended (cancelled), so the event was dropped
         */
        @SuppressWarnings("unchecked")
        synchronized boolean record(Map<String, Object> event) {
            if (isTerminal()) {
                return false;
            }
            if ("artifact-update".equals(event.get("kind"))) {
                replyParts.addAll((List<Map<String, Object>>) ((Map<String, Object>) event.get("artifact")).get("parts"));
            } else if (event.get("status") instanceof Map<?, ?> status) {
                state = String.valueOf(status.get("state"));
                statusMessage = (Map<String, Object>) status.get("message");
                if (statusMessage != null) {
                    history.add(statusMessage);
                }
            }
            for (BlockingQueue<Map<String, Object>> follower : followers) {
                follower.add(event);
            }
            if (isTerminal()) {
                followers.clear();
            }
            return true;
        }

        /** The queue of this task's next events, ending with its terminal status; null once it has ended. */
        synchronized BlockingQueue<Map<String, Object>> follow() {
            if (isTerminal()) {
                return null;
            }
            BlockingQueue<Map<String, Object>> queue = new LinkedBlockingQueue<>();
            followers.add(queue);
            return queue;
        }

        /** The {@code Task} object, with at most {@code historyLength} recent messages (all when null). */
        synchronized Map<String, Object> snapshot(Integer historyLength) {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("kind", "task");
            task.put("id", id);
            task.put("contextId", contextId);
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("state", state);
            if (statusMessage != null) {
                status.put("message", statusMessage);
            }
            task.put("status", status);
            if (!replyParts.isEmpty()) {
                Map<String, Object> artifact = new LinkedHashMap<>();
                artifact.put("artifactId", artifactId());
                artifact.put("name", "response");
                artifact.put("parts", List.copyOf(replyParts));
                task.put("artifacts", List.of(artifact));
            }
            int keep = historyLength == null ? history.size() : Math.max(0, Math.min(historyLength, history.size()));
            task.put("history", List.copyOf(history.subList(history.size() - keep, history.size())));
            return task;
        }
    }
}
