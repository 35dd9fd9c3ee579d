package org.teleris.triage.domain;

import java.util.List;

/** A case's chat and its history. */
public interface CaseConversationRepository {

    void add(CaseMessage message);

    void add(CaseHistoryEntry entry);

    /** Oldest first. */
    List<CaseMessage> messages(String caseId);

    /** Oldest first. */
    List<CaseHistoryEntry> history(String caseId);
}
