package org.teleris.anonymizer.domain;

import java.util.List;

/**
 * What sanitising a preview did. The untrusted file name is not kept (it often is the patient's name).
 *
 * @param removed       kinds of metadata dropped (e.g. "EXIF", "XMP", "container metadata", "subtitle streams")
 * @param framesChecked images or sampled video frames that went through OCR
 * @param dicomReport   the instance report when the preview was a DICOM slice, else null
 */
public record PreviewReport(PreviewKind kind, String mediaType, boolean reencoded, List<String> removed,
                            int framesChecked, List<MaskedRegion> maskedRegions, InstanceReport dicomReport) {

    public PreviewReport {
        removed = List.copyOf(removed);
        maskedRegions = List.copyOf(maskedRegions);
    }
}
