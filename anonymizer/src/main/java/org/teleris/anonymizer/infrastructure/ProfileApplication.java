package org.teleris.anonymizer.infrastructure;

import java.util.List;
import org.teleris.anonymizer.domain.AttributeAction;
import org.teleris.anonymizer.domain.SourceIdentifiers;

/** What applying the profile did: the per-attribute actions and what the verifier must look for afterwards. */
public record ProfileApplication(List<AttributeAction> actions, SourceIdentifiers sourceIdentifiers, boolean datesShifted) {
}
