package org.teleris.anonymizer.domain;

import java.util.List;

/**
 * What was done to one instance, JSON-serialisable (records of strings, numbers and lists). Holds tag paths, codes
 * and rectangles only: never a source value, so it can be stored and shown to administrators.
 *
 * @param transferSyntaxUid  the transfer syntax in and out (never changed)
 * @param pixelDataCleaned   whether Clean Pixel Data changed pixels (then the only case where pixels are re-written)
 * @param rejection          null unless {@code outcome == REJECTED}
 */
public record InstanceReport(
        Outcome outcome,
        String profileName,
        String profileVersion,
        List<String> options,
        String sopClassUid,
        String transferSyntaxUid,
        boolean pixelDataCleaned,
        List<AttributeAction> actions,
        List<MaskedRegion> maskedRegions,
        VerificationResult verification,
        Rejection rejection) {

    public InstanceReport {
        options = List.copyOf(options);
        actions = List.copyOf(actions);
        maskedRegions = List.copyOf(maskedRegions);
    }

    public InstanceReport rejected(Rejection why) {
        return new InstanceReport(Outcome.REJECTED, profileName, profileVersion, options, sopClassUid, transferSyntaxUid,
                pixelDataCleaned, actions, maskedRegions, verification, why);
    }
}
