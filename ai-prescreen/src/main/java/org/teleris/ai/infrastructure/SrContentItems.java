package org.teleris.ai.infrastructure;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FloatSingleAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;

/** Builders of SR content items (PS3.3 C.17.3) as PixelMed attribute lists. */
final class SrContentItems {
    /** A coded concept. */
    record Code(String value, String scheme, String meaning) {
    }

    static final String PRIVATE_SCHEME = "99TELERIS";

    private SrContentItems() {
    }

    static AttributeList item(String relationship, String valueType, Code concept) throws DicomException {
        AttributeList l = new AttributeList();
        if (relationship != null) {
            DicomAttributes.put(l, TagFromName.RelationshipType, relationship);
        }
        DicomAttributes.put(l, TagFromName.ValueType, valueType);
        if (concept != null) {
            DicomAttributes.putCode(l, TagFromName.ConceptNameCodeSequence, concept.value(), concept.scheme(), concept.meaning());
        }
        return l;
    }

    static AttributeList container(String relationship, Code concept) throws DicomException {
        AttributeList l = item(relationship, "CONTAINER", concept);
        DicomAttributes.put(l, TagFromName.ContinuityOfContent, "SEPARATE");
        return l;
    }

    static AttributeList code(String relationship, Code concept, Code value) throws DicomException {
        AttributeList l = item(relationship, "CODE", concept);
        DicomAttributes.putCode(l, TagFromName.ConceptCodeSequence, value.value(), value.scheme(), value.meaning());
        return l;
    }

    static AttributeList text(String relationship, Code concept, String value) throws DicomException {
        AttributeList l = item(relationship, "TEXT", concept);
        DicomAttributes.put(l, TagFromName.TextValue, value);
        return l;
    }

    static AttributeList uidref(String relationship, Code concept, String uid) throws DicomException {
        AttributeList l = item(relationship, "UIDREF", concept);
        DicomAttributes.put(l, TagFromName.UID, uid);
        return l;
    }

    static AttributeList num(String relationship, Code concept, double value, Code units) throws DicomException {
        AttributeList l = item(relationship, "NUM", concept);
        AttributeList mv = new AttributeList();
        DicomAttributes.put(mv, TagFromName.NumericValue, DicomAttributes.ds(value));
        DicomAttributes.putCode(mv, TagFromName.MeasurementUnitsCodeSequence, units.value(), units.scheme(), units.meaning());
        DicomAttributes.sequence(l, TagFromName.MeasuredValueSequence).addItem(mv);
        return l;
    }

    static AttributeList image(String relationship, Code concept, String sopClass, String sopInstance) throws DicomException {
        AttributeList l = item(relationship, "IMAGE", concept);
        AttributeList ref = new AttributeList();
        DicomAttributes.put(ref, TagFromName.ReferencedSOPClassUID, sopClass);
        DicomAttributes.put(ref, TagFromName.ReferencedSOPInstanceUID, sopInstance);
        DicomAttributes.sequence(l, TagFromName.ReferencedSOPSequence).addItem(ref);
        return l;
    }

    static AttributeList point(String relationship, Code concept, float col, float row) throws DicomException {
        AttributeList l = item(relationship, "SCOORD", concept);
        DicomAttributes.put(l, TagFromName.GraphicType, "POINT");
        Attribute data = new FloatSingleAttribute(TagFromName.GraphicData);
        data.addValue(col);
        data.addValue(row);
        l.put(data);
        return l;
    }

    /** Appends children under the item's Content Sequence (created on first use). */
    static AttributeList add(AttributeList parent, AttributeList... children) {
        SequenceAttribute seq = (SequenceAttribute) parent.get(TagFromName.ContentSequence);
        if (seq == null) {
            seq = DicomAttributes.sequence(parent, TagFromName.ContentSequence);
        }
        for (AttributeList c : children) {
            seq.addItem(c);
        }
        return parent;
    }
}
