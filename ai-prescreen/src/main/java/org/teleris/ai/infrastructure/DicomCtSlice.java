package org.teleris.ai.infrastructure;

import org.teleris.ai.domain.StudyIdentity;

/**
 * One decoded CT slice in HU, already turned to the canonical axial display (columns to the
 * patient's left, rows to posterior) so that every model sees the same orientation.
 */
record DicomCtSlice(String sopClassUid, String sopInstanceUid, String seriesInstanceUid, String modality,
                    String bodyPart, boolean localizer, int rows, int cols, float[] hu, double[] rowSpacingColSpacing,
                    double positionAlongNormal, double sliceThickness, boolean axial, StudyIdentity study) {
}
