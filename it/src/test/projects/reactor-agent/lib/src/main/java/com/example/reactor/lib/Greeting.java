package com.example.reactor.lib;

/** A class the agent needs at run time, from a sibling module. */
public final class Greeting {

    private Greeting() {
    }

    public static String of(String name) {
        return "hello " + name;
    }
}
