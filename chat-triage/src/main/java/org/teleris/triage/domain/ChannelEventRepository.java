package org.teleris.triage.domain;

import java.util.List;

public interface ChannelEventRepository {

    /** The next sequence number; the caller's transaction holds the channel's lock until it ends. */
    long claimNextSequence();

    void add(ChannelEvent event);

    /** Events after {@code sequence}, ascending; {@code organisationId} null means every organisation. */
    List<ChannelEvent> after(long sequence, String organisationId, int limit);
}
