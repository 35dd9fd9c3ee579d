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
import com.pixelmed.dicom.TextAttribute;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.teleris.anonymizer.domain.EditableDataSet;
import org.teleris.anonymizer.domain.EditableElement;
import org.teleris.anonymizer.domain.Tag;

/** A PixelMed AttributeList as an {@link EditableDataSet}: the path for everything the project's own reader leaves. */
final class PixelMedDataSet implements EditableDataSet {

    private final AttributeList list;

    PixelMedDataSet(AttributeList list) {
        this.list = list;
    }

    @Override
    public List<Element> elements() {
        List<Element> out = new ArrayList<>(list.size());
        for (Attribute a : list.values()) {
            out.add(new Element(a));
        }
        return out;
    }

    @Override
    public String privateCreatorOf(Tag tag) {
        AttributeTag at = PixelMedTags.toPixelMed(tag);
        if (tag.isPrivateCreator()) {
            return Attribute.getSingleStringValueOrEmptyString(list, at);
        }
        return tag.isPrivate() ? list.getPrivateCreatorString(at) : null;
    }

    @Override
    public void remove(Tag tag) {
        list.remove(PixelMedTags.toPixelMed(tag));
    }

    @Override
    public void putEmptySequence(Tag tag) {
        list.put(new SequenceAttribute(PixelMedTags.toPixelMed(tag)));
    }

    @Override
    public void putText(TextElement element) {
        list.put(attribute(element));
    }

    @Override
    public void putSequence(Tag tag, List<List<TextElement>> items) {
        SequenceAttribute sequence = new SequenceAttribute(PixelMedTags.toPixelMed(tag));
        for (List<TextElement> item : items) {
            AttributeList itemList = new AttributeList();
            item.forEach(e -> itemList.put(attribute(e)));
            sequence.addItem(itemList);
        }
        list.put(sequence);
    }

    /** The VRs the profile adds (explicit classes: putNewAttribute would load PixelMed's XML dictionary, ~0.2 s). */
    private static Attribute attribute(TextElement e) {
        AttributeTag tag = PixelMedTags.toPixelMed(e.tag());
        Attribute a = switch (e.vr()) {
            case "CS" -> new CodeStringAttribute(tag);
            case "LO" -> new LongStringAttribute(tag);
            case "SH" -> new ShortStringAttribute(tag);
            default -> throw new IllegalArgumentException("no constant element of VR " + e.vr() + " is added");
        };
        try {
            a.addValue(e.value());
        } catch (DicomException ex) {
            throw new IllegalStateException("PixelMed refused a constant de-identification attribute", ex);
        }
        return a;
    }

    static final class Element implements EditableElement {
        private final Attribute a;

        Element(Attribute a) {
            this.a = a;
        }

        @Override
        public Tag tag() {
            return PixelMedTags.toDomain(a.getTag());
        }

        @Override
        public String vr() {
            return a instanceof SequenceAttribute ? "SQ" : a.getVRAsString();
        }

        @Override
        public List<PixelMedDataSet> items() {
            if (!(a instanceof SequenceAttribute seq)) {
                return List.of();
            }
            List<PixelMedDataSet> items = new ArrayList<>();
            for (java.util.Iterator<SequenceItem> i = seq.iterator(); i.hasNext(); ) {
                items.add(new PixelMedDataSet(i.next().getAttributeList()));
            }
            return items;
        }

        @Override
        public List<String> textValues() {
            try {
                if (a instanceof TextAttribute) {
                    // ST/LT/UT: PixelMed has no "original" values for text VRs, only the single decoded value.
                    String[] v = a.getStringValues();
                    return v == null ? List.of() : Arrays.asList(v);
                }
                if (a instanceof StringAttribute) {
                    String[] v = a.getOriginalStringValues();
                    return v == null ? List.of() : Arrays.asList(v);
                }
                String vr = a.getVRAsString();
                if ("UN".equals(vr) || ("OB".equals(vr) && a.getTag().isPrivate())) {
                    byte[] b = a.getByteValues();
                    return b == null ? List.of() : List.of(new String(b, StandardCharsets.ISO_8859_1));
                }
            } catch (DicomException e) {
                return List.of();
            }
            return List.of();
        }

        @Override
        public void clearValues() {
            try {
                a.removeValues();
            } catch (DicomException e) {
                throw new IllegalArgumentException("PixelMed could not empty " + a.getTag(), e);
            }
        }

        @Override
        public void setValues(List<String> values) {
            try {
                a.removeValues();
                for (String v : values) {
                    a.addValue(v);
                }
            } catch (DicomException e) {
                throw new IllegalArgumentException("PixelMed refused a value for " + a.getTag(), e);
            }
        }
    }
}
