package org.teleris.anonymizer.domain;

import java.util.ArrayList;
import java.util.List;
import org.teleris.anonymizer.domain.ConfidentialityProfile.Context;

/**
 * Applies the profile's decisions to a data set, recursively through sequences, whichever parser read it: the
 * profile decides, this class removes, empties or rewrites, and records what the verifier must look for afterwards.
 */
public final class ProfileApplier {

    private static final Tag PIXEL_DATA = new Tag(0x7FE0, 0x0010);
    private static final Tag CONTENT_SEQUENCE = new Tag(0x0040, 0xA730);
    private static final Tag PATIENT_IDENTITY_REMOVED = new Tag(0x0012, 0x0062);
    private static final Tag DEIDENTIFICATION_METHOD = new Tag(0x0012, 0x0063);
    private static final Tag DEIDENTIFICATION_METHOD_CODES = new Tag(0x0012, 0x0064);
    private static final Tag CODE_VALUE = new Tag(0x0008, 0x0100);
    private static final Tag CODING_SCHEME = new Tag(0x0008, 0x0102);
    private static final Tag CODE_MEANING = new Tag(0x0008, 0x0104);
    private static final Tag LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED = new Tag(0x0028, 0x0303);
    private static final Tag BURNED_IN_ANNOTATION = new Tag(0x0028, 0x0301);

    private final ConfidentialityProfile profile;
    private final DeidentificationOptions options;
    private final UidRemapper uids;
    private final DescriptorCleaner cleaner;

    public ProfileApplier(ConfidentialityProfile profile, DeidentificationOptions options, UidRemapper uids, DescriptorCleaner cleaner) {
        this.profile = profile;
        this.options = options;
        this.uids = uids;
        this.cleaner = cleaner;
    }

    /** Runs one data set (without its meta header, which is rebuilt on write) through the profile. */
    public ProfileApplication apply(EditableDataSet dataSet, Pseudonym pseudonym) {
        Run run = new Run(pseudonym);
        run.walk(dataSet, "", Context.TOP_LEVEL);
        return new ProfileApplication(run.actions, run.source, run.datesShifted);
    }

    /** Sets PatientIdentityRemoved, DeidentificationMethod(+CodeSequence), LongitudinalTemporalInformationModified. */
    public void markDeidentified(EditableDataSet dataSet, boolean datesShifted, boolean pixelsCleaned) {
        dataSet.putText(new EditableDataSet.TextElement(PATIENT_IDENTITY_REMOVED, "CS", "YES"));
        dataSet.putText(new EditableDataSet.TextElement(DEIDENTIFICATION_METHOD, "LO", DeidentificationMethod.description(profile)));
        List<List<EditableDataSet.TextElement>> codes = new ArrayList<>();
        for (DeidentificationMethod.Code c : DeidentificationMethod.codes(options, pixelsCleaned)) {
            codes.add(List.of(new EditableDataSet.TextElement(CODE_VALUE, "SH", c.value()),
                    new EditableDataSet.TextElement(CODING_SCHEME, "SH", c.scheme()),
                    new EditableDataSet.TextElement(CODE_MEANING, "LO", c.meaning())));
        }
        dataSet.putSequence(DEIDENTIFICATION_METHOD_CODES, codes);
        dataSet.putText(new EditableDataSet.TextElement(LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED, "CS",
                datesShifted ? "MODIFIED" : "REMOVED"));
        if (pixelsCleaned) {
            dataSet.putText(new EditableDataSet.TextElement(BURNED_IN_ANNOTATION, "CS", "NO"));
        }
    }

    private final class Run {
        final Pseudonym pseudonym;
        final List<AttributeAction> actions = new ArrayList<>();
        final SourceIdentifiers source = new SourceIdentifiers();
        boolean datesShifted;

        Run(Pseudonym pseudonym) {
            this.pseudonym = pseudonym;
            source.addAllowedWords(cleaner.allowedWords());
            source.addGenerated(pseudonym.id());
            source.addGenerated(DummyValues.PERSON);
            source.addGenerated(DummyValues.TEXT);
            source.addGenerated(DeidentificationMethod.description(profile));
            for (DeidentificationMethod.Code c : DeidentificationMethod.codes(options, true)) {
                source.addGenerated(c.meaning());
            }
        }

        void walk(EditableDataSet dataSet, String prefix, Context context) {
            for (EditableElement e : dataSet.elements()) {
                Tag tag = e.tag();
                if (tag.equals(PIXEL_DATA)) {
                    continue;
                }
                String vr = e.vr();
                String creator = tag.isPrivate() ? dataSet.privateCreatorOf(tag) : null;
                Decision d = profile.decide(tag, vr, creator, options.options(), context);
                String path = prefix + tag;
                if ("SQ".equals(vr)) {
                    applyToSequence(dataSet, e, d, path, childContext(context, tag, d));
                } else {
                    applyToElement(dataSet, e, vr, d, path);
                }
            }
            removeEmptyPrivateBlocks(dataSet);
        }

        /** A private creator whose block lost all its elements would only advertise a vendor; drop it. */
        void removeEmptyPrivateBlocks(EditableDataSet dataSet) {
            List<? extends EditableElement> elements = dataSet.elements();
            for (EditableElement creator : elements) {
                Tag t = creator.tag();
                if (t.isPrivateCreator()) {
                    int block = t.element() << 8;
                    boolean used = false;
                    for (EditableElement o : elements) {
                        used |= o.tag().group() == t.group() && (o.tag().element() & 0xFF00) == block;
                    }
                    if (!used) {
                        dataSet.remove(t);
                    }
                }
            }
        }

        Context childContext(Context current, Tag sequence, Decision d) {
            if (current == Context.STRUCTURED_CONTENT || sequence.equals(CONTENT_SEQUENCE)) {
                return Context.STRUCTURED_CONTENT;
            }
            return d.action() == Action.CLEAN ? Context.CLEANED_SEQUENCE : current;
        }

        void applyToSequence(EditableDataSet dataSet, EditableElement seq, Decision d, String path, Context inner) {
            switch (d.action()) {
                case REMOVE -> {
                    collectRemoved(seq);
                    dataSet.remove(seq.tag());
                    record(path, d);
                }
                case EMPTY -> {
                    collectRemoved(seq);
                    dataSet.putEmptySequence(seq.tag());
                    record(path, d);
                }
                default -> {
                    if (d.action() != Action.KEEP || d.rule().startsWith("E.1-1")) {
                        record(path, d);
                    }
                    int i = 0;
                    for (EditableDataSet item : seq.items()) {
                        walk(item, path + "[" + i++ + "].", inner);
                    }
                }
            }
        }

        void applyToElement(EditableDataSet dataSet, EditableElement e, String vr, Decision d, String path) {
            List<String> original = e.textValues();
            switch (d.action()) {
                case REMOVE -> {
                    original.forEach(v -> source.addReplaced(vr, v));
                    dataSet.remove(e.tag());
                }
                case EMPTY -> {
                    original.forEach(v -> source.addReplaced(vr, v));
                    e.clearValues();
                }
                case DUMMY -> {
                    original.forEach(v -> source.addReplaced(vr, v));
                    if ("UI".equals(vr)) {
                        remapUids(e, original);
                    } else {
                        setOrEmpty(e, vr, DummyValues.forVr(vr));
                    }
                }
                case PSEUDONYM -> {
                    original.forEach(v -> source.addReplaced(vr, v));
                    setOrEmpty(e, vr, pseudonym.id());
                }
                case REMAP_UID -> {
                    original.forEach(v -> source.addReplaced(vr, v));
                    if ("UI".equals(vr)) {
                        remapUids(e, original);
                    } else {
                        dataSet.remove(e.tag());
                    }
                }
                case CLEAN -> clean(dataSet, e, vr, original);
                case KEEP -> original.forEach(source::addKept);
            }
            if (d.action() != Action.KEEP || d.rule().startsWith("E.1-1")) {
                record(path, d);
            }
        }

        void clean(EditableDataSet dataSet, EditableElement e, String vr, List<String> original) {
            if ("DA".equals(vr) || "DT".equals(vr)) {
                original.forEach(v -> source.addReplaced(vr, v));
                List<String> shifted = new ArrayList<>();
                for (String v : original) {
                    String s = "DA".equals(vr) ? DateShifter.shiftDate(v, pseudonym.dateShiftDays())
                            : DateShifter.shiftDateTime(v, pseudonym.dateShiftDays());
                    if (s == null) {
                        e.clearValues(); // not a parseable date: it cannot be shifted, so it is emptied (Type 2 stays)
                        return;
                    }
                    shifted.add(s);
                }
                e.setValues(shifted);
                datesShifted = true;
            } else if (ValueRepresentations.isText(vr) && !"TM".equals(vr) && !"CS".equals(vr) && !"UI".equals(vr)) {
                List<String> cleaned = new ArrayList<>();
                for (String v : original) {
                    source.addReplaced(vr, v);
                    String c = cleaner.clean(v);
                    if (c.isEmpty() && !v.isBlank()) {
                        c = DummyValues.TEXT; // labels such as RT Plan Label or SR text are Type 1: never leave them empty
                    }
                    source.addKept(c);
                    cleaned.add(c);
                }
                e.setValues(cleaned);
            } else if (ValueRepresentations.isString(vr)) {
                original.forEach(source::addKept); // times stay with shifted dates; codes are not free text
            } else {
                // A value we cannot read as text (e.g. a descriptor sent as UN) cannot be cleaned: remove it.
                original.forEach(v -> source.addReplaced("UN", v));
                dataSet.remove(e.tag());
            }
        }

        void remapUids(EditableElement e, List<String> original) {
            List<String> mapped = new ArrayList<>();
            for (String v : original) {
                mapped.add(uids.remap(v));
            }
            e.setValues(mapped);
        }

        void setOrEmpty(EditableElement e, String vr, String value) {
            e.clearValues();
            if (value != null && ValueRepresentations.isText(vr)) {
                e.setValues(List.of(value));
            }
        }

        /** Values inside a removed sequence still count as source identifiers for the verifier. */
        void collectRemoved(EditableElement seq) {
            for (EditableDataSet item : seq.items()) {
                for (ElementView e : ElementViews.of(item)) {
                    e.values().forEach(v -> source.addReplaced(e.vr(), v));
                }
            }
        }

        void record(String path, Decision d) {
            actions.add(new AttributeAction(path, d.action().annexECode(), d.rule()));
        }
    }
}
