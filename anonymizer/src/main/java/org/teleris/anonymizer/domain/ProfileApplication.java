package org.teleris.anonymizer.domain;

import java.util.List;

/** What applying the profile did: the per-attribute actions and what the verifier must look for afterwards. */
public record ProfileApplication(List<AttributeAction> actions, SourceIdentifiers sourceIdentifiers, boolean datesShifted) {
}
