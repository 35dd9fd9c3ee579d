package org.teleris.anonymizer.infrastructure;

import com.pixelmed.dicom.AttributeTag;
import org.teleris.anonymizer.domain.Tag;

/** Converts between the domain's tag and PixelMed's. */
final class PixelMedTags {

    private PixelMedTags() {
    }

    static Tag toDomain(AttributeTag t) {
        return new Tag(t.getGroup(), t.getElement());
    }

    static AttributeTag toPixelMed(Tag t) {
        return new AttributeTag(t.group(), t.element());
    }
}
