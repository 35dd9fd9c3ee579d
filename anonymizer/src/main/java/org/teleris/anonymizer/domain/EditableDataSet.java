package org.teleris.anonymizer.domain;

import java.util.List;

/**
 * A data set (the top level or a sequence item) as the profile sees it, whichever parser read it: the project's own
 * explicit VR little endian reader for the common case, PixelMed for everything else.
 */
public interface EditableDataSet {

    /** The elements in tag order; a copy, so the caller may remove elements while it walks them. */
    List<? extends EditableElement> elements();

    /**
     * The private creator that names {@code tag}'s block: the value of a creator element itself, the value of the
     * creator that reserves a private element's block, or null (public tags, unreserved blocks).
     */
    String privateCreatorOf(Tag tag);

    void remove(Tag tag);

    /** Replaces the element (or adds it) with an empty sequence. */
    void putEmptySequence(Tag tag);

    void putText(TextElement element);

    /** Replaces the element (or adds it) with a sequence of items made of text elements. */
    void putSequence(Tag tag, List<List<TextElement>> items);

    /** A text element to add: tag, value representation, one value. */
    record TextElement(Tag tag, String vr, String value) {
    }
}
