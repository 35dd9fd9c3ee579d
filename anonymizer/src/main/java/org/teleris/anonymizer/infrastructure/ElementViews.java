package org.teleris.anonymizer.infrastructure;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.StringAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TextAttribute;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.teleris.anonymizer.domain.ElementView;
import org.teleris.anonymizer.domain.Tag;

/** Flattens an AttributeList (all depths) into domain element views, with tag paths such as {@code (0040,A730)[1].(0040,A123)}. */
final class ElementViews {

    private ElementViews() {
    }

    static List<ElementView> of(AttributeList list) {
        List<ElementView> out = new ArrayList<>();
        walk(list, "", out);
        return out;
    }

    private static void walk(AttributeList list, String prefix, List<ElementView> out) {
        for (Attribute a : list.values()) {
            AttributeTag at = a.getTag();
            Tag tag = PixelMedTags.toDomain(at);
            if (at.getGroup() == 0x0002) {
                continue; // the meta header is rebuilt from generated values on write
            }
            String path = prefix + tag;
            if (at.equals(TagFromName.PixelData)) {
                out.add(new ElementView(path, tag, a.getVRAsString(), null, List.of()));
                continue;
            }
            String creator = tag.isPrivate() && !tag.isPrivateCreator() ? list.getPrivateCreatorString(at) : null;
            if (a instanceof SequenceAttribute seq) {
                out.add(new ElementView(path, tag, "SQ", creator, List.of()));
                int i = 0;
                for (SequenceItem item : iterable(seq)) {
                    walk(item.getAttributeList(), path + "[" + i++ + "].", out);
                }
            } else {
                out.add(new ElementView(path, tag, a.getVRAsString(), creator, textOf(a)));
            }
        }
    }

    static Iterable<SequenceItem> iterable(SequenceAttribute seq) {
        return seq::iterator;
    }

    /** Text values; for UN/OB (private blocks in implicit VR files) the bytes as Latin-1 so byte-identical text still matches. */
    static List<String> textOf(Attribute a) {
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
}
