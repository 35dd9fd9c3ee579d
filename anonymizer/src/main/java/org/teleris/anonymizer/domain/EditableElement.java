package org.teleris.anonymizer.domain;

import java.util.List;

/** One element of an {@link EditableDataSet}: enough to decide its fate and to empty or rewrite its text. */
public interface EditableElement {

    Tag tag();

    /** The value representation, "SQ" for sequences. */
    String vr();

    /** The items of a sequence; empty for any other element. */
    List<? extends EditableDataSet> items();

    /**
     * The values as text: decoded in the data set's character set for text VRs; for UN and private OB the bytes
     * as Latin-1 (so byte-identical text in a vendor blob still matches); empty for other binary VRs.
     */
    List<String> textValues();

    void clearValues();

    /** Replaces the values of a text element ({@link ValueRepresentations#isText}). */
    void setValues(List<String> values);
}
