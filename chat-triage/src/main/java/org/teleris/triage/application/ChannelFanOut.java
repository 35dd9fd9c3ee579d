package org.teleris.triage.application;

/**
 * Port: delivers a committed channel event to every connected client allowed to see it. The
 * in-process implementation serves one server; a cluster implementation publishes to a topic
 * whose listener on each instance does the local delivery.
 */
public interface ChannelFanOut {

    void fanOut(ChannelEventAppended event);

    /** Closes every live-channel socket of this user at once (account disabled); returns how many. */
    int disconnect(String userId);
}
