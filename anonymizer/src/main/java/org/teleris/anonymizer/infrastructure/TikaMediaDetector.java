package org.teleris.anonymizer.infrastructure;

import org.apache.tika.Tika;

/** Detects what bytes really are from their content (magic numbers), never from a name or a client's claim. */
public final class TikaMediaDetector {

    private final Tika tika = new Tika();

    public String detect(byte[] content) {
        // PS3.10 lets the 128-byte preamble hold anything, and some files put a TIFF header there
        // ("dual personality" files, e.g. pydicom's CT_small.dcm): Tika's magic at offset 0 then
        // says TIFF. "DICM" at offset 128 is what makes a DICOM file, so it decides first.
        if (isDicomPart10(content)) {
            return "application/dicom";
        }
        // No file name is passed on purpose: Tika would let a ".jpg" name sway an ambiguous result.
        return tika.detect(content);
    }

    static boolean isDicomPart10(byte[] content) {
        return content.length > 132 && content[128] == 'D' && content[129] == 'I' && content[130] == 'C'
                && content[131] == 'M';
    }
}
