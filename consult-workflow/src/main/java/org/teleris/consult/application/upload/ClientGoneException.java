package org.teleris.consult.application.upload;

/** The request body ended early (the client paused, lost its network or died); what arrived is durable. */
public class ClientGoneException extends RuntimeException {

    public ClientGoneException(Throwable cause) {
        super("The request body ended early; ask for the offset (HEAD) and resume.", cause);
    }
}
