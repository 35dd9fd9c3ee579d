package org.teleris.ris.domain.audit;

/**
 * Result of verifying the audit chain.
 *
 * @param firstBadSequence the first record found altered, unlinked or missing; null when intact
 * @param problem          what is wrong with it, in words; null when intact
 */
public record ChainReport(boolean intact, long checked, Long firstBadSequence, String problem) {

    static ChainReport intact(long checked) {
        return new ChainReport(true, checked, null, null);
    }

    static ChainReport broken(long checked, long sequence, String problem) {
        return new ChainReport(false, checked, sequence, problem);
    }
}
