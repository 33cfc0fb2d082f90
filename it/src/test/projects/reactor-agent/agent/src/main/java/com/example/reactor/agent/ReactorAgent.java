package com.example.reactor.agent;

import com.example.reactor.lib.Greeting;

/** Stands for the agent: its main class needs the library module's class. */
public final class ReactorAgent {

    private ReactorAgent() {
    }

    public static void main(String[] args) {
        System.out.println(Greeting.of("agent"));
    }
}
