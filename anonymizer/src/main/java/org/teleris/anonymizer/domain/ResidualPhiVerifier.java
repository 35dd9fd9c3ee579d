package org.teleris.anonymizer.domain;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The residual-PHI rules. Two modes: against a known source (after our own de-identification: every source
 * identifying value is looked for in every element and in the raw bytes) and against the profile only (for files
 * that arrive already anonymised by someone else). Both also apply {@link PhiPatterns}. Findings name locations
 * and rules, never values.
 */
public final class ResidualPhiVerifier {

    private static final Tag PATIENT_NAME = new Tag(0x0010, 0x0010);
    private static final Tag PATIENT_ID = new Tag(0x0010, 0x0020);
    private static final Tag PATIENT_IDENTITY_REMOVED = new Tag(0x0012, 0x0062);

    private final ConfidentialityProfile profile;

    public ResidualPhiVerifier(ConfidentialityProfile profile) {
        this.profile = profile;
    }

    /**
     * @param rawBytes the encoded output without the Pixel Data value (pixel samples are binary; burned-in text is
     *                 handled by OCR, not by byte search)
     */
    public VerificationResult verifyAgainstSource(List<ElementView> output, byte[] rawBytes, Set<Charset> charsets,
                                                  SourceIdentifiers source) {
        List<Finding> findings = new ArrayList<>();
        // Every element value is encoded in the raw bytes, so the byte search runs first and the per-element
        // search (which names the tag path) only when it found something: this keeps a clean file cheap. The
        // byte search looks for every candidate and reports those found that are not excused (see needles()).
        List<Finding> raw = rawBytes == null ? new ArrayList<>()
                : RawByteSearch.find(rawBytes, 0, rawBytes.length, source.candidates(), charsets, n -> !source.excused(n));
        boolean searchElements = !raw.isEmpty() || rawBytes == null;
        Set<String> needles = searchElements ? source.needles() : Set.of();
        for (ElementView e : output) {
            if (searchElements) {
                findInElement(e, needles, findings);
            }
            checkPatterns(e, false, findings);
        }
        findings.addAll(raw);
        return new VerificationResult(findings);
    }

    private static void findInElement(ElementView e, Set<String> needles, List<Finding> findings) {
        boolean uid = "UI".equals(e.vr());
        for (String v : e.values()) {
            String upper = v.toUpperCase(Locale.ROOT);
            for (String needle : needles) {
                if ((!uid || needle.indexOf('.') > 0) && NeedleSearch.indexOf(upper, needle) >= 0) {
                    findings.add(new Finding(e.path(), FindingKind.SOURCE_VALUE_IN_ELEMENT,
                            "a value removed from the source is still present (" + needle.length() + " chars)"));
                    return;
                }
            }
        }
    }

    /** Server-side check of a file whose source we never saw. */
    public VerificationResult verifyProfileApplied(List<ElementView> output, byte[] rawBytes, Set<Charset> charsets) {
        List<Finding> findings = new ArrayList<>();
        boolean identityRemoved = false;
        for (ElementView e : output) {
            Tag tag = e.tag();
            if (tag.equals(PATIENT_IDENTITY_REMOVED) && e.path().equals(tag.toString())) {
                identityRemoved = e.values().stream().anyMatch(v -> v.trim().equalsIgnoreCase("YES"));
            }
            if (tag.isOverlayOrCurve()) {
                findings.add(new Finding(e.path(), FindingKind.OVERLAY_OR_CURVE, "overlay or curve data present"));
            } else if (tag.isPrivate()) {
                if (!tag.isPrivateCreator() && !profile.safePrivate().isSafe(e.privateCreator(), tag)) {
                    findings.add(new Finding(e.path(), FindingKind.PRIVATE_NOT_SAFE, "private element not on the safe list"));
                }
            } else if (!isTopLevelPatientIdentity(e) && (e.hasNonEmptyValue() || "SQ".equals(e.vr()))) {
                checkAgainstProfile(e, findings);
            }
            checkPatterns(e, true, findings);
        }
        if (!identityRemoved) {
            findings.add(new Finding(PATIENT_IDENTITY_REMOVED.toString(), FindingKind.IDENTITY_NOT_MARKED_REMOVED,
                    "PatientIdentityRemoved is not YES"));
        }
        return new VerificationResult(findings);
    }

    /** Top-level PatientName/PatientID hold the pseudonym; the same tags nested (e.g. Other Patient IDs) do not. */
    private static boolean isTopLevelPatientIdentity(ElementView e) {
        return (e.tag().equals(PATIENT_NAME) || e.tag().equals(PATIENT_ID)) && e.path().equals(e.tag().toString());
    }

    private void checkAgainstProfile(ElementView e, List<Finding> findings) {
        ProfileRule rule = profile.ruleFor(e.tag());
        if (rule == null || optionMayKeep(rule)) {
            return;
        }
        Action basic = rule.basic().resolve();
        if (basic == Action.REMOVE || rule.basic() == ActionCode.X_Z) {
            // X/Z resolves to EMPTY for us, but any non-empty value is wrong under either reading.
            findings.add(new Finding(e.path(), basic == Action.REMOVE ? FindingKind.ATTRIBUTE_SHOULD_BE_REMOVED
                    : FindingKind.ATTRIBUTE_SHOULD_BE_EMPTY, "Annex E says " + rule.basic().name().replace('_', '/')));
        } else if (basic == Action.EMPTY && e.vr() != null && !"SQ".equals(e.vr())) {
            findings.add(new Finding(e.path(), FindingKind.ATTRIBUTE_SHOULD_BE_EMPTY, "Annex E says Z"));
        }
    }

    private static boolean optionMayKeep(ProfileRule rule) {
        for (Map.Entry<ProfileOption, ActionCode> e : rule.optionCodes().entrySet()) {
            if (e.getValue() == ActionCode.K || e.getValue() == ActionCode.C) {
                return true;
            }
        }
        return false;
    }

    private static void checkPatterns(ElementView e, boolean foreignSource, List<Finding> findings) {
        for (String v : e.values()) {
            if ("PN".equals(e.vr())) {
                boolean ok = foreignSource && isTopLevelPatientIdentity(e)
                        ? PhiPatterns.isPlausibleForeignPseudonym(v) : PhiPatterns.isAllowedPersonName(v);
                if (!ok) {
                    findings.add(new Finding(e.path(), FindingKind.PERSON_NAME, "a person name is present"));
                    return;
                }
            }
            FindingKind kind = PhiPatterns.classify(e.tag(), e.vr(), v);
            if (kind != null && !(foreignSource && isTopLevelPatientIdentity(e))) {
                findings.add(new Finding(e.path(), kind, "value has the shape of " + kind.name().toLowerCase(Locale.ROOT)));
                return;
            }
        }
    }
}
