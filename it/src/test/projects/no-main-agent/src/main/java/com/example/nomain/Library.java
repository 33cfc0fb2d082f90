package com.example.nomain;

/** Code without an entry point. */
public final class Library {

    private Library() {
    }

    public static String greet(String name) {
        return "hello " + name;
    }
}
