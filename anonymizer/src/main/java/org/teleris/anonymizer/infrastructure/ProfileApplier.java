package org.teleris.anonymizer.infrastructure;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.ShortStringAttribute;
import com.pixelmed.dicom.StringAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TextAttribute;
import java.util.ArrayList;
import java.util.List;
import org.teleris.anonymizer.domain.Action;
import org.teleris.anonymizer.domain.AttributeAction;
import org.teleris.anonymizer.domain.ConfidentialityProfile;
import org.teleris.anonymizer.domain.ConfidentialityProfile.Context;
import org.teleris.anonymizer.domain.DateShifter;
import org.teleris.anonymizer.domain.Decision;
import org.teleris.anonymizer.domain.DeidentificationMethod;
import org.teleris.anonymizer.domain.DeidentificationOptions;
import org.teleris.anonymizer.domain.DescriptorCleaner;
import org.teleris.anonymizer.domain.DummyValues;
import org.teleris.anonymizer.domain.Pseudonym;
import org.teleris.anonymizer.domain.SourceIdentifiers;
import org.teleris.anonymizer.domain.Tag;
import org.teleris.anonymizer.domain.UidRemapper;

/**
 * Applies the profile's decisions to a PixelMed AttributeList, recursively through sequences. The domain decides;
 * this class only knows how to remove, empty or rewrite a PixelMed attribute.
 */
public final class ProfileApplier {

    private static final AttributeTag CONTENT_SEQUENCE = new AttributeTag(0x0040, 0xA730);
    private static final AttributeTag LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED = new AttributeTag(0x0028, 0x0303);

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

    /** Runs one instance through the profile (meta header excluded: it is rebuilt on write). */
    public ProfileApplication apply(DicomInstance instance, Pseudonym pseudonym) throws UnreadableDicomException {
        Run run = new Run(pseudonym);
        AttributeList list = instance.list();
        list.removeMetaInformationHeaderAttributes();
        try {
            run.walk(list, "", Context.TOP_LEVEL);
        } catch (DicomException e) {
            throw new UnreadableDicomException("an attribute could not be rewritten: " + e.getClass().getSimpleName(), false, e);
        }
        return new ProfileApplication(run.actions, run.source, run.datesShifted);
    }

    /** Sets PatientIdentityRemoved, DeidentificationMethod(+CodeSequence), LongitudinalTemporalInformationModified. */
    public void markDeidentified(DicomInstance instance, boolean datesShifted, boolean pixelsCleaned) {
        try {
            mark(instance.list(), datesShifted, pixelsCleaned);
        } catch (DicomException e) {
            throw new IllegalStateException("PixelMed refused a constant de-identification attribute", e);
        }
    }

    private void mark(AttributeList list, boolean datesShifted, boolean pixelsCleaned) throws DicomException {
        putString(list, new CodeStringAttribute(TagFromName.PatientIdentityRemoved), "YES");
        putString(list, new LongStringAttribute(TagFromName.DeidentificationMethod), DeidentificationMethod.description(profile));
        SequenceAttribute codes = new SequenceAttribute(TagFromName.DeidentificationMethodCodeSequence);
        for (DeidentificationMethod.Code c : DeidentificationMethod.codes(options, pixelsCleaned)) {
            AttributeList item = new AttributeList();
            putString(item, new ShortStringAttribute(TagFromName.CodeValue), c.value());
            putString(item, new ShortStringAttribute(TagFromName.CodingSchemeDesignator), c.scheme());
            putString(item, new LongStringAttribute(TagFromName.CodeMeaning), c.meaning());
            codes.addItem(item);
        }
        list.put(codes);
        putString(list, new CodeStringAttribute(LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED), datesShifted ? "MODIFIED" : "REMOVED");
        if (pixelsCleaned) {
            putString(list, new CodeStringAttribute(TagFromName.BurnedInAnnotation), "NO");
        }
    }

    private static void putString(AttributeList list, Attribute a, String value) throws DicomException {
        a.addValue(value);
        list.put(a);
    }

    private final class Run {
        final Pseudonym pseudonym;
        final List<AttributeAction> actions = new ArrayList<>();
        final SourceIdentifiers source = new SourceIdentifiers();
        boolean datesShifted;

        Run(Pseudonym pseudonym) {
            this.pseudonym = pseudonym;
            source.addAllowedWords(cleaner.allowedTerms());
            source.addGenerated(pseudonym.id());
            source.addGenerated(DummyValues.PERSON);
            source.addGenerated(DummyValues.TEXT);
            source.addGenerated(DeidentificationMethod.description(profile));
            for (DeidentificationMethod.Code c : DeidentificationMethod.codes(options, true)) {
                source.addGenerated(c.meaning());
            }
        }

        void walk(AttributeList list, String prefix, Context context) throws DicomException {
            for (Attribute a : new ArrayList<>(list.values())) {
                AttributeTag at = a.getTag();
                if (at.equals(TagFromName.PixelData)) {
                    continue;
                }
                Tag tag = PixelMedTags.toDomain(at);
                String vr = a instanceof SequenceAttribute ? "SQ" : a.getVRAsString();
                String creator = tag.isPrivateCreator() ? a.getSingleStringValueOrEmptyString()
                        : tag.isPrivate() ? list.getPrivateCreatorString(at) : null;
                Decision d = profile.decide(tag, vr, creator, options.options(), context);
                String path = prefix + tag;
                if (a instanceof SequenceAttribute seq) {
                    applyToSequence(list, seq, d, path, childContext(context, at, d));
                } else {
                    applyToElement(list, a, vr, d, path);
                }
            }
            removeEmptyPrivateBlocks(list);
        }

        /** A private creator whose block lost all its elements would only advertise a vendor; drop it. */
        void removeEmptyPrivateBlocks(AttributeList list) {
            for (AttributeTag t : new ArrayList<>(list.keySet())) {
                if (t.isPrivateCreator()) {
                    int block = t.getElement() << 8;
                    boolean used = list.keySet().stream().anyMatch(o -> o.getGroup() == t.getGroup()
                            && (o.getElement() & 0xFF00) == block);
                    if (!used) {
                        list.remove(t);
                    }
                }
            }
        }

        Context childContext(Context current, AttributeTag sequence, Decision d) {
            if (current == Context.STRUCTURED_CONTENT || sequence.equals(CONTENT_SEQUENCE)) {
                return Context.STRUCTURED_CONTENT;
            }
            return d.action() == Action.CLEAN ? Context.CLEANED_SEQUENCE : current;
        }

        void applyToSequence(AttributeList list, SequenceAttribute seq, Decision d, String path, Context inner) throws DicomException {
            switch (d.action()) {
                case REMOVE -> {
                    collectRemoved(seq);
                    list.remove(seq.getTag());
                    record(path, d);
                }
                case EMPTY -> {
                    collectRemoved(seq);
                    list.put(new SequenceAttribute(seq.getTag()));
                    record(path, d);
                }
                default -> {
                    if (d.action() != Action.KEEP || d.rule().startsWith("E.1-1")) {
                        record(path, d);
                    }
                    int i = 0;
                    for (SequenceItem item : ElementViews.iterable(seq)) {
                        walk(item.getAttributeList(), path + "[" + i++ + "].", inner);
                    }
                }
            }
        }

        void applyToElement(AttributeList list, Attribute a, String vr, Decision d, String path) throws DicomException {
            List<String> original = ElementViews.textOf(a);
            switch (d.action()) {
                case REMOVE -> {
                    original.forEach(v -> source.addReplaced(vr, v));
                    list.remove(a.getTag());
                }
                case EMPTY -> {
                    original.forEach(v -> source.addReplaced(vr, v));
                    a.removeValues();
                }
                case DUMMY -> {
                    original.forEach(v -> source.addReplaced(vr, v));
                    if ("UI".equals(vr)) {
                        remapUids(a, original);
                    } else {
                        setOrEmpty(a, DummyValues.forVr(vr));
                    }
                }
                case PSEUDONYM -> {
                    original.forEach(v -> source.addReplaced(vr, v));
                    setOrEmpty(a, pseudonym.id());
                }
                case REMAP_UID -> {
                    if ("UI".equals(vr)) {
                        original.forEach(v -> source.addReplaced(vr, v));
                        remapUids(a, original);
                    } else {
                        original.forEach(v -> source.addReplaced(vr, v));
                        list.remove(a.getTag());
                    }
                }
                case CLEAN -> clean(list, a, vr, original);
                case KEEP -> original.forEach(source::addKept);
            }
            if (d.action() != Action.KEEP || d.rule().startsWith("E.1-1")) {
                record(path, d);
            }
        }

        void clean(AttributeList list, Attribute a, String vr, List<String> original) throws DicomException {
            if ("DA".equals(vr) || "DT".equals(vr)) {
                original.forEach(v -> source.addReplaced(vr, v));
                List<String> shifted = new ArrayList<>();
                for (String v : original) {
                    String s = "DA".equals(vr) ? DateShifter.shiftDate(v, pseudonym.dateShiftDays())
                            : DateShifter.shiftDateTime(v, pseudonym.dateShiftDays());
                    if (s == null) {
                        a.removeValues(); // not a parseable date: it cannot be shifted, so it is emptied (Type 2 stays)
                        return;
                    }
                    shifted.add(s);
                }
                setValues(a, shifted);
                datesShifted = true;
            } else if (isText(a) && !"TM".equals(vr) && !"CS".equals(vr) && !"UI".equals(vr)) {
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
                setValues(a, cleaned);
            } else if (a instanceof StringAttribute) {
                original.forEach(source::addKept); // times stay with shifted dates; codes are not free text
            } else {
                // A value we cannot read as text (e.g. a descriptor sent as UN) cannot be cleaned: remove it.
                original.forEach(v -> source.addReplaced("UN", v));
                list.remove(a.getTag());
            }
        }

        boolean isText(Attribute a) {
            return a instanceof StringAttribute || a instanceof TextAttribute;
        }

        void remapUids(Attribute a, List<String> original) throws DicomException {
            List<String> mapped = new ArrayList<>();
            for (String v : original) {
                mapped.add(uids.remap(v));
            }
            setValues(a, mapped);
        }

        void setOrEmpty(Attribute a, String value) throws DicomException {
            a.removeValues();
            if (value != null && isText(a)) {
                a.addValue(value);
            }
        }

        void setValues(Attribute a, List<String> values) throws DicomException {
            a.removeValues();
            for (String v : values) {
                a.addValue(v);
            }
        }

        /** Values inside a removed sequence still count as source identifiers for the verifier. */
        void collectRemoved(SequenceAttribute seq) {
            for (SequenceItem item : ElementViews.iterable(seq)) {
                for (org.teleris.anonymizer.domain.ElementView e : ElementViews.of(item.getAttributeList())) {
                    e.values().forEach(v -> source.addReplaced(e.vr(), v));
                }
            }
        }

        void record(String path, Decision d) {
            actions.add(new AttributeAction(path, d.action().annexECode(), d.rule()));
        }
    }
}
