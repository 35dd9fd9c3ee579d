package org.teleris.anonymizer.infrastructure;

import java.io.IOException;
import java.util.List;
import org.teleris.anonymizer.domain.EditableDataSet;
import org.teleris.anonymizer.domain.ElementView;
import org.teleris.anonymizer.domain.HeaderValues;
import org.teleris.anonymizer.domain.Tag;

/**
 * One parsed DICOM instance, ready for the profile: read by {@link HeaderOnlyInstance} (the project's own reader,
 * for the common explicit VR little endian file with pixels at its end) or by {@link PixelMedInstance} (everything
 * else, and whatever needs decoded pixels). The transfer syntax never changes.
 */
public interface DicomInstance extends HeaderValues {

    String transferSyntaxUid();

    /** A top-level value as text, or "" (for decisions such as modality, never for logging). */
    String string(Tag tag);

    boolean hasAttribute(Tag tag);

    boolean hasPixelData();

    boolean isEncapsulated();

    /**
     * Retired "embedded" overlays live in the unused high bits of Pixel Data (60xx,0102 at or above Bits Stored, no
     * 60xx,3000). Removing the 60xx group alone would leave the drawn text in the pixel bytes.
     */
    boolean hasOverlayInPixelBits();

    /** The data set without its meta header (rebuilt on write), for the profile to edit. */
    EditableDataSet dataSet();

    List<ElementView> elementViews();

    /**
     * Encodes the instance for writing. {@link EncodedInstance#searchableBytes()} is what the raw-byte verifier
     * searches: the written data set without meta header and pixel value.
     */
    EncodedInstance encode() throws IOException;
}
