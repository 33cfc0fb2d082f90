package com.example.imageagent;

import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Prints its greeting; the image tests only build it, and change GREETING to change one class. */
public final class ImageAgent {

    static final String GREETING = "hello";

    private ImageAgent() {
    }

    public static void main(String[] args) {
        Map<String, Object> settings = new Yaml().load(ImageAgent.class.getResourceAsStream("/agent.yaml"));
        System.out.println(GREETING + " from " + settings.get("name"));
    }
}
