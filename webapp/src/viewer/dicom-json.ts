// The DICOM JSON model (PS3.18 F.2) as the viewer needs it: QIDO-RS answers to series
// summaries, WADO-RS metadata to the numbers an image needs. Pure: no DOM, no cornerstone.

export type DicomJson = Record<string, { vr?: string; Value?: unknown[]; InlineBinary?: string; BulkDataURI?: string }>;

export const Tag = {
  SOPClassUID: '00080016',
  SOPInstanceUID: '00080018',
  ImageType: '00080008',
  Modality: '00080060',
  SeriesDescription: '0008103E',
  SourceImageSequence: '00082112',
  ReferencedImageSequence: '00081140',
  ReferencedSOPInstanceUID: '00081155',
  SliceThickness: '00180050',
  StudyInstanceUID: '0020000D',
  SeriesInstanceUID: '0020000E',
  SeriesNumber: '00200011',
  InstanceNumber: '00200013',
  ImagePositionPatient: '00200032',
  ImageOrientationPatient: '00200037',
  FrameOfReferenceUID: '00200052',
  SliceLocation: '00201041',
  NumberOfSeriesRelatedInstances: '00201209',
  SamplesPerPixel: '00280002',
  PhotometricInterpretation: '00280004',
  PlanarConfiguration: '00280006',
  NumberOfFrames: '00280008',
  Rows: '00280010',
  Columns: '00280011',
  PixelSpacing: '00280030',
  ImagerPixelSpacing: '00181164',
  BitsAllocated: '00280100',
  BitsStored: '00280101',
  HighBit: '00280102',
  PixelRepresentation: '00280103',
  WindowCenter: '00281050',
  WindowWidth: '00281051',
  RescaleIntercept: '00281052',
  RescaleSlope: '00281053',
  VOILUTFunction: '00281056',
} as const;

/** The values of an attribute ([] when absent or empty). */
export function values(json: DicomJson, tag: string): unknown[] {
  const v = json[tag]?.Value;
  return Array.isArray(v) ? v : [];
}

/** First value as a string (PN: its Alphabetic group); undefined when absent. */
export function str(json: DicomJson, tag: string): string | undefined {
  const v = values(json, tag)[0];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'object' && v && 'Alphabetic' in v) return String((v as { Alphabetic: unknown }).Alphabetic);
  return String(v);
}

/** All values as numbers (DS/IS may come as JSON numbers or as strings); NaN entries dropped. */
export function nums(json: DicomJson, tag: string): number[] {
  return values(json, tag)
    .flatMap((v) => (typeof v === 'string' ? v.split('\\') : [v]))
    .map((v) => (typeof v === 'number' ? v : Number(String(v).trim())))
    .filter((n) => Number.isFinite(n));
}

export function num(json: DicomJson, tag: string): number | undefined {
  return nums(json, tag)[0];
}

/** A series of the study, as the series list shows it. */
export interface SeriesSummary {
  seriesInstanceUid: string;
  modality: string;
  seriesNumber: number | null;
  description: string;
  instances: number | null;
  /** An AI result (SR, secondary capture, or "AI" in its description): for research purposes only. */
  ai: boolean;
  /** Has images the viewer can show (not SR, KO, PR...). */
  hasImages: boolean;
}

const NON_IMAGE_MODALITIES = new Set(['SR', 'KO', 'PR', 'DOC', 'REG', 'SEG', 'RTSTRUCT']);

export function isAiSeries(modality: string, description: string): boolean {
  return modality === 'SR' || modality === 'SC' || /\bAI\b/i.test(description);
}

export function seriesSummary(json: DicomJson): SeriesSummary {
  const modality = (str(json, Tag.Modality) ?? '').toUpperCase();
  const description = str(json, Tag.SeriesDescription) ?? '';
  return {
    seriesInstanceUid: str(json, Tag.SeriesInstanceUID) ?? '',
    modality,
    seriesNumber: num(json, Tag.SeriesNumber) ?? null,
    description,
    instances: num(json, Tag.NumberOfSeriesRelatedInstances) ?? null,
    ai: isAiSeries(modality, description),
    hasImages: !NON_IMAGE_MODALITIES.has(modality),
  };
}

/**
 * Series in display order: the clinical image series first (most instances first: the thin
 * CT before a scout), then AI image series, then series without images (SR...); within a group by series number.
 */
export function orderSeries(list: SeriesSummary[]): SeriesSummary[] {
  const group = (s: SeriesSummary) => (!s.hasImages ? 2 : s.ai ? 1 : 0);
  return [...list].sort(
    (a, b) =>
      group(a) - group(b) ||
      (group(a) === 0 ? (b.instances ?? 0) - (a.instances ?? 0) : 0) ||
      (a.seriesNumber ?? 1e9) - (b.seriesNumber ?? 1e9),
  );
}

/** What the viewer needs of one instance to show and measure it. */
export interface ImageMeta {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  sopClassUid: string;
  modality: string;
  seriesDescription: string;
  instanceNumber: number | null;
  rows: number;
  columns: number;
  /** [row spacing, column spacing] in mm; null when the image has no calibration. */
  pixelSpacing: [number, number] | null;
  imagePositionPatient: [number, number, number] | null;
  imageOrientationPatient: [number, number, number, number, number, number] | null;
  sliceThickness: number | null;
  sliceLocation: number | null;
  frameOfReferenceUid: string | null;
  numberOfFrames: number;
  samplesPerPixel: number;
  photometricInterpretation: string;
  planarConfiguration: number;
  bitsAllocated: number;
  bitsStored: number;
  highBit: number;
  pixelRepresentation: number;
  rescaleSlope: number;
  rescaleIntercept: number;
  windowCenter: number[];
  windowWidth: number[];
  voiLutFunction: string;
  /** SOP Instance UIDs this image was derived from (Source / Referenced Image Sequence). */
  sourceSopInstanceUids: string[];
}

function tuple<N extends number>(a: number[], n: N): number[] | null {
  return a.length >= n ? a.slice(0, n) : null;
}

function referenced(json: DicomJson, tag: string): string[] {
  return values(json, tag).flatMap((item) => {
    const uid = item && typeof item === 'object' ? str(item as DicomJson, Tag.ReferencedSOPInstanceUID) : undefined;
    return uid ? [uid] : [];
  });
}

/** Maps WADO-RS metadata (one instance) to ImageMeta. Throws when Rows/Columns are missing. */
export function imageMeta(json: DicomJson): ImageMeta {
  const rows = num(json, Tag.Rows);
  const columns = num(json, Tag.Columns);
  if (!rows || !columns) throw new Error('DICOM metadata without Rows/Columns: not an image');
  const bitsAllocated = num(json, Tag.BitsAllocated) ?? 16;
  const bitsStored = num(json, Tag.BitsStored) ?? bitsAllocated;
  const spacing = tuple(nums(json, Tag.PixelSpacing), 2) ?? tuple(nums(json, Tag.ImagerPixelSpacing), 2);
  const slope = num(json, Tag.RescaleSlope);
  const centers = nums(json, Tag.WindowCenter);
  const widths = nums(json, Tag.WindowWidth);
  const n = Math.min(centers.length, widths.length);
  return {
    studyInstanceUid: str(json, Tag.StudyInstanceUID) ?? '',
    seriesInstanceUid: str(json, Tag.SeriesInstanceUID) ?? '',
    sopInstanceUid: str(json, Tag.SOPInstanceUID) ?? '',
    sopClassUid: str(json, Tag.SOPClassUID) ?? '',
    modality: (str(json, Tag.Modality) ?? '').toUpperCase(),
    seriesDescription: str(json, Tag.SeriesDescription) ?? '',
    instanceNumber: num(json, Tag.InstanceNumber) ?? null,
    rows,
    columns,
    pixelSpacing: spacing && spacing[0] > 0 && spacing[1] > 0 ? (spacing as [number, number]) : null,
    imagePositionPatient: tuple(nums(json, Tag.ImagePositionPatient), 3) as ImageMeta['imagePositionPatient'],
    imageOrientationPatient: tuple(nums(json, Tag.ImageOrientationPatient), 6) as ImageMeta['imageOrientationPatient'],
    sliceThickness: num(json, Tag.SliceThickness) ?? null,
    sliceLocation: num(json, Tag.SliceLocation) ?? null,
    frameOfReferenceUid: str(json, Tag.FrameOfReferenceUID) ?? null,
    numberOfFrames: num(json, Tag.NumberOfFrames) ?? 1,
    samplesPerPixel: num(json, Tag.SamplesPerPixel) ?? 1,
    photometricInterpretation: (str(json, Tag.PhotometricInterpretation) ?? 'MONOCHROME2').toUpperCase(),
    planarConfiguration: num(json, Tag.PlanarConfiguration) ?? 0,
    bitsAllocated,
    bitsStored,
    highBit: num(json, Tag.HighBit) ?? bitsStored - 1,
    pixelRepresentation: num(json, Tag.PixelRepresentation) ?? 0,
    rescaleSlope: slope !== undefined && slope !== 0 ? slope : 1,
    rescaleIntercept: num(json, Tag.RescaleIntercept) ?? 0,
    windowCenter: centers.slice(0, n),
    windowWidth: widths.slice(0, n),
    voiLutFunction: (str(json, Tag.VOILUTFunction) ?? 'LINEAR').toUpperCase(),
    sourceSopInstanceUids: [...referenced(json, Tag.SourceImageSequence), ...referenced(json, Tag.ReferencedImageSequence)],
  };
}

/**
 * Position of a slice along the normal of its orientation (for sorting a stack); falls back
 * to Slice Location, then Instance Number.
 */
export function slicePosition(m: ImageMeta): number | null {
  const o = m.imageOrientationPatient;
  const p = m.imagePositionPatient;
  if (o && p) {
    const n = [o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]];
    return n[0] * p[0] + n[1] * p[1] + n[2] * p[2];
  }
  return m.sliceLocation ?? m.instanceNumber;
}
