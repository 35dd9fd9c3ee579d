package org.teleris.ai.application;

/** A model answered, but not in the shape or range its card promises. */
public class MalformedOutputException extends Exception {
    public MalformedOutputException(String message) {
        super(message);
    }
}
