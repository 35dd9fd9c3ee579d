// Cornerstone's metadata modules (imagePlaneModule, imagePixelModule, voiLutModule,
// modalityLutModule, generalSeriesModule...) of one image, from its ImageMeta. Pure.
import type { ImageMeta } from './dicom-json';

/** The module `type` of an image, or undefined for a type the viewer does not provide. */
export function moduleOf(type: string, m: ImageMeta): unknown {
  switch (type) {
    case 'imagePlaneModule': {
      const o = m.imageOrientationPatient;
      return {
        frameOfReferenceUID: m.frameOfReferenceUid ?? undefined,
        rows: m.rows,
        columns: m.columns,
        imageOrientationPatient: o ?? undefined,
        rowCosines: o ? o.slice(0, 3) : undefined,
        columnCosines: o ? o.slice(3, 6) : undefined,
        imagePositionPatient: m.imagePositionPatient ?? undefined,
        sliceThickness: m.sliceThickness ?? undefined,
        sliceLocation: m.sliceLocation ?? undefined,
        pixelSpacing: m.pixelSpacing ?? undefined,
        rowPixelSpacing: m.pixelSpacing?.[0],
        columnPixelSpacing: m.pixelSpacing?.[1],
      };
    }
    case 'imagePixelModule':
      return {
        samplesPerPixel: m.samplesPerPixel,
        photometricInterpretation: m.photometricInterpretation,
        rows: m.rows,
        columns: m.columns,
        bitsAllocated: m.bitsAllocated,
        bitsStored: m.bitsStored,
        highBit: m.highBit,
        pixelRepresentation: m.pixelRepresentation,
        planarConfiguration: m.planarConfiguration,
      };
    case 'voiLutModule':
      return { windowCenter: m.windowCenter, windowWidth: m.windowWidth, voiLUTFunction: m.voiLutFunction };
    case 'modalityLutModule':
      return { rescaleSlope: m.rescaleSlope, rescaleIntercept: m.rescaleIntercept, rescaleType: m.modality === 'CT' ? 'HU' : 'US' };
    case 'generalSeriesModule':
      return {
        modality: m.modality,
        seriesInstanceUID: m.seriesInstanceUid,
        seriesDescription: m.seriesDescription,
        studyInstanceUID: m.studyInstanceUid,
      };
    case 'generalStudyModule':
      return { studyInstanceUID: m.studyInstanceUid };
    case 'generalImageModule':
      return { instanceNumber: m.instanceNumber ?? undefined, sopInstanceUID: m.sopInstanceUid };
    case 'sopCommonModule':
      return { sopClassUID: m.sopClassUid, sopInstanceUID: m.sopInstanceUid };
    default:
      return undefined;
  }
}
