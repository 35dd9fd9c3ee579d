package org.teleris.ai.infrastructure;

import java.nio.file.Path;
import org.teleris.ai.domain.StudyIdentity;

/**
 * One CT slice's header (and, once decoded, its pixels) in HU in HU, already turned to the canonical axial display (columns to the
 * patient's left, rows to posterior) so that every model sees the same orientation.
 */
record DicomCtSlice(Path file, String sopClassUid, String sopInstanceUid, String seriesInstanceUid, String modality,
                    String bodyPart, boolean localizer, int rows, int cols, float[] hu, double[] rowSpacingColSpacing,
                    double positionAlongNormal, double sliceThickness, boolean axial,
                    boolean flipColumns, boolean flipRows, StudyIdentity study) {
    DicomCtSlice withHu(float[] values) {
        return new DicomCtSlice(file, sopClassUid, sopInstanceUid, seriesInstanceUid,
                modality, bodyPart, localizer, rows, cols, values, rowSpacingColSpacing, positionAlongNormal,
                sliceThickness, axial, flipColumns, flipRows, study);
    }
}
