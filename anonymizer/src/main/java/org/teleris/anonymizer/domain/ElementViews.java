package org.teleris.anonymizer.domain;

import java.util.ArrayList;
import java.util.List;

/** Flattens a data set (all depths) into element views, with tag paths such as {@code (0040,A730)[1].(0040,A123)}. */
public final class ElementViews {

    private static final Tag PIXEL_DATA = new Tag(0x7FE0, 0x0010);

    private ElementViews() {
    }

    public static List<ElementView> of(EditableDataSet dataSet) {
        List<ElementView> out = new ArrayList<>();
        walk(dataSet, "", out);
        return out;
    }

    private static void walk(EditableDataSet dataSet, String prefix, List<ElementView> out) {
        for (EditableElement e : dataSet.elements()) {
            Tag tag = e.tag();
            if (tag.group() == 0x0002) {
                continue; // the meta header is rebuilt from generated values on write
            }
            String path = prefix + tag;
            if (tag.equals(PIXEL_DATA)) {
                out.add(new ElementView(path, tag, e.vr(), null, List.of()));
                continue;
            }
            String creator = tag.isPrivate() && !tag.isPrivateCreator() ? dataSet.privateCreatorOf(tag) : null;
            if ("SQ".equals(e.vr())) {
                out.add(new ElementView(path, tag, "SQ", creator, List.of()));
                int i = 0;
                for (EditableDataSet item : e.items()) {
                    walk(item, path + "[" + i++ + "].", out);
                }
            } else {
                out.add(new ElementView(path, tag, e.vr(), creator, e.textValues()));
            }
        }
    }
}
