package org.teleris.anonymizer.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The de-identification profile as data: Annex E Table E.1-1 rows, the retain-safe-private list and the defaults for
 * attributes the table does not name. It answers one question per attribute: what do we do with it?
 */
public final class ConfidentialityProfile {

    private static final Tag PATIENT_NAME = new Tag(0x0010, 0x0010);
    private static final Tag PATIENT_ID = new Tag(0x0010, 0x0020);
    /** UIDs that name classes and syntaxes, not instances; remapping them would break the object. */
    private static final Set<Tag> CLASS_UIDS = Set.of(new Tag(0x0002, 0x0002), new Tag(0x0002, 0x0010),
            new Tag(0x0008, 0x0016), new Tag(0x0008, 0x1150), new Tag(0x0004, 0x1510), new Tag(0x0008, 0x010C),
            new Tag(0x0008, 0x0117), new Tag(0x0008, 0x1032), new Tag(0x0008, 0x001A));
    private static final Set<String> FREE_TEXT_VRS = Set.of("ST", "LT", "UT");

    private final String name;
    private final String version;
    private final Map<Tag, ProfileRule> exactRules;
    private final List<ProfileRule> patternRules;
    /** Each pattern rule's mask and fixed bits, computed once (ruleFor runs for every attribute of every file). */
    private final long[] patternMasks;
    private final long[] patternBits;
    private final SafePrivateList safePrivate;

    private ConfidentialityProfile(String name, String version, List<ProfileRule> rules, SafePrivateList safePrivate) {
        this.name = name;
        this.version = version;
        this.exactRules = new HashMap<>();
        this.patternRules = new ArrayList<>();
        for (ProfileRule r : rules) {
            if (r.isPattern()) {
                patternRules.add(r);
            } else {
                exactRules.put(Tag.parse(r.tagPattern()), r);
            }
        }
        this.patternMasks = new long[patternRules.size()];
        this.patternBits = new long[patternRules.size()];
        for (int i = 0; i < patternRules.size(); i++) {
            patternMasks[i] = patternRules.get(i).mask();
            patternBits[i] = patternRules.get(i).fixedBits();
        }
        this.safePrivate = safePrivate;
    }

    /** The profile shipped with the module (PS3.15 Table E.1-1 and the Table E.3.10-1 style safe private list). */
    public static ConfidentialityProfile basic() {
        return Holder.BASIC;
    }

    private static final class Holder {
        static final ConfidentialityProfile BASIC = load(
                resource("profile/basic-profile.tsv"), resource("profile/safe-private.tsv"));
    }

    private static InputStream resource(String path) {
        InputStream in = ConfidentialityProfile.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("profile resource missing from the jar: " + path);
        }
        return in;
    }

    public static ConfidentialityProfile load(InputStream profileTsv, InputStream safePrivateTsv) {
        try (profileTsv; safePrivateTsv) {
            ProfileFile file = ProfileFile.parse(profileTsv);
            return new ConfidentialityProfile(file.name(), file.version(), file.rules(), SafePrivateList.parse(safePrivateTsv));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read profile", e);
        }
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public int ruleCount() {
        return exactRules.size() + patternRules.size();
    }

    public SafePrivateList safePrivate() {
        return safePrivate;
    }

    /** The Annex E rule for a public tag, or null when the table does not name it. */
    public ProfileRule ruleFor(Tag tag) {
        ProfileRule r = exactRules.get(tag);
        if (r != null) {
            return r;
        }
        long value = ((long) tag.group() << 16) | tag.element();
        for (int i = 0; i < patternMasks.length; i++) {
            if ((value & patternMasks[i]) == patternBits[i]) {
                return patternRules.get(i);
            }
        }
        return null;
    }

    /**
     * @param vr             the attribute's value representation (two letters)
     * @param privateCreator the creator of a private element's block, null for public tags
     * @param context        where the attribute sits: top level, inside an SR content tree, or inside a sequence
     *                       that an option cleans
     */
    public Decision decide(Tag tag, String vr, String privateCreator, Set<ProfileOption> options, Context context) {
        if (tag.isGroupLength()) {
            return new Decision(Action.REMOVE, "group length (retired)");
        }
        if (tag.isOverlayOrCurve()) {
            return new Decision(Action.REMOVE, "overlay/curve group 60xx/50xx");
        }
        if (tag.isPrivate()) {
            return decidePrivate(tag, privateCreator, options);
        }
        if (tag.equals(PATIENT_NAME) || tag.equals(PATIENT_ID)) {
            return new Decision(Action.PSEUDONYM, "E.1-1 + organisation pseudonym");
        }
        ProfileRule rule = ruleFor(tag);
        if (rule != null) {
            return decideByRule(rule, options);
        }
        return decideByDefault(tag, vr, options, context);
    }

    private Decision decidePrivate(Tag tag, String creator, Set<ProfileOption> options) {
        if (!options.contains(ProfileOption.RETAIN_SAFE_PRIVATE)) {
            return new Decision(Action.REMOVE, "private");
        }
        if (tag.isPrivateCreator()) {
            return creator != null && safePrivate.hasCreator(creator, tag.group())
                    ? new Decision(Action.KEEP, "private creator of a safe block")
                    : new Decision(Action.REMOVE, "private creator");
        }
        return safePrivate.isSafe(creator, tag)
                ? new Decision(Action.KEEP, "safe private")
                : new Decision(Action.REMOVE, "private, not on the safe list");
    }

    private Decision decideByRule(ProfileRule rule, Set<ProfileOption> options) {
        ActionCode chosen = null;
        ProfileOption by = null;
        for (Map.Entry<ProfileOption, ActionCode> e : rule.optionCodes().entrySet()) {
            if (options.contains(e.getKey()) && (chosen == null || e.getValue() == ActionCode.C)) {
                // Several options may name one attribute (e.g. Allergies: retain characteristics K, clean descriptors C);
                // cleaning is the safer of the two, so C wins over K.
                chosen = e.getValue();
                by = e.getKey();
            }
        }
        if (chosen != null) {
            return new Decision(chosen.resolve(), "E.1-1 " + by.name() + " " + chosen.name().replace('_', '/'));
        }
        return new Decision(rule.basic().resolve(), "E.1-1 " + rule.basic().name().replace('_', '/'));
    }

    /** Where in the data set an attribute sits; defaults for attributes the table does not name depend on it. */
    public enum Context {
        TOP_LEVEL,
        /** Inside a Content Sequence: free text must stay present (Type 1 in SR), so it is replaced or cleaned. */
        STRUCTURED_CONTENT,
        /** Inside a sequence an option marks C: any free text in it is cleaned, as the option promises. */
        CLEANED_SEQUENCE
    }

    private static final Set<String> SHORT_TEXT_VRS = Set.of("LO", "SH", "UC");

    private static Decision decideByDefault(Tag tag, String vr, Set<ProfileOption> options, Context context) {
        boolean inStructuredContent = context == Context.STRUCTURED_CONTENT;
        if (context == Context.CLEANED_SEQUENCE && (FREE_TEXT_VRS.contains(vr) || SHORT_TEXT_VRS.contains(vr))) {
            return new Decision(Action.CLEAN, "default: text inside a cleaned sequence");
        }
        switch (vr) {
            case "UI":
                return CLASS_UIDS.contains(tag)
                        ? new Decision(Action.KEEP, "default: class UID")
                        : new Decision(Action.REMAP_UID, "default: instance UID remapped");
            case "PN":
                return new Decision(Action.EMPTY, "default: person name");
            case "DA":
            case "DT":
                return options.contains(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES)
                        ? new Decision(Action.CLEAN, "default: date shifted")
                        : new Decision(inStructuredContent ? Action.DUMMY : Action.REMOVE, "default: date");
            default:
                if (FREE_TEXT_VRS.contains(vr)) {
                    if (inStructuredContent) {
                        return options.contains(ProfileOption.CLEAN_STRUCTURED_CONTENT)
                                ? new Decision(Action.CLEAN, "default: SR text cleaned")
                                : new Decision(Action.DUMMY, "default: SR text");
                    }
                    return options.contains(ProfileOption.CLEAN_DESCRIPTORS)
                            ? new Decision(Action.CLEAN, "default: free text cleaned")
                            : new Decision(Action.REMOVE, "default: free text");
                }
                return new Decision(Action.KEEP, "default: not named by E.1-1");
        }
    }
}
