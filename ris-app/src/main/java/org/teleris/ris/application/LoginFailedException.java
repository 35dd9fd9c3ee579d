package org.teleris.ris.application;

/** Wrong username or password, or a disabled account. Deliberately does not say which. */
public class LoginFailedException extends Exception {
    public LoginFailedException() {
        super("Wrong username or password.");
    }
}
