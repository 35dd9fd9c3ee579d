import { describe, expect, it } from 'vitest';
import { imageMeta, isAiSeries, nums, orderSeries, seriesSummary, slicePosition, type DicomJson } from './dicom-json';
import { moduleOf } from './modules';

/** WADO-RS metadata of a CT slice as a PS3.18 server answers it (DS both as numbers and strings). */
const ctSlice: DicomJson = {
  '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] },
  '00080018': { vr: 'UI', Value: ['1.2.3.4.5.6'] },
  '00080060': { vr: 'CS', Value: ['CT'] },
  '0008103E': { vr: 'LO', Value: ['Chest 1.25 mm'] },
  '00180050': { vr: 'DS', Value: [1.25] },
  '0020000D': { vr: 'UI', Value: ['1.2.3'] },
  '0020000E': { vr: 'UI', Value: ['1.2.3.4'] },
  '00200013': { vr: 'IS', Value: [42] },
  '00200032': { vr: 'DS', Value: ['-175.5', -180, '-52.5'] },
  '00200037': { vr: 'DS', Value: [1, 0, 0, 0, 1, 0] },
  '00200052': { vr: 'UI', Value: ['1.2.3.9'] },
  '00280002': { vr: 'US', Value: [1] },
  '00280004': { vr: 'CS', Value: ['MONOCHROME2'] },
  '00280010': { vr: 'US', Value: [512] },
  '00280011': { vr: 'US', Value: [512] },
  '00280030': { vr: 'DS', Value: ['0.703125', 0.68] },
  '00280100': { vr: 'US', Value: [16] },
  '00280101': { vr: 'US', Value: [12] },
  '00280102': { vr: 'US', Value: [11] },
  '00280103': { vr: 'US', Value: [0] },
  '00281050': { vr: 'DS', Value: [40, '-600'] },
  '00281051': { vr: 'DS', Value: [400, 1500] },
  '00281052': { vr: 'DS', Value: ['-1024'] },
  '00281053': { vr: 'DS', Value: ['1'] },
  '00282112': { vr: 'SQ' },
};

describe('imageMeta (WADO-RS metadata → what an image needs)', () => {
  it('maps geometry, pixel format, modality LUT and windows', () => {
    const m = imageMeta(ctSlice);
    expect(m).toMatchObject({
      modality: 'CT',
      rows: 512,
      columns: 512,
      pixelSpacing: [0.703125, 0.68],
      imagePositionPatient: [-175.5, -180, -52.5],
      imageOrientationPatient: [1, 0, 0, 0, 1, 0],
      sliceThickness: 1.25,
      bitsAllocated: 16,
      bitsStored: 12,
      highBit: 11,
      pixelRepresentation: 0,
      rescaleSlope: 1,
      rescaleIntercept: -1024,
      windowCenter: [40, -600],
      windowWidth: [400, 1500],
      instanceNumber: 42,
      frameOfReferenceUid: '1.2.3.9',
    });
    expect(slicePosition(m)).toBeCloseTo(-52.5);
  });

  it('gives cornerstone its modules: spacing as row, column; cosines; HU modality LUT', () => {
    const m = imageMeta(ctSlice);
    expect(moduleOf('imagePlaneModule', m)).toMatchObject({
      rowPixelSpacing: 0.703125,
      columnPixelSpacing: 0.68,
      rowCosines: [1, 0, 0],
      columnCosines: [0, 1, 0],
      imagePositionPatient: [-175.5, -180, -52.5],
      frameOfReferenceUID: '1.2.3.9',
    });
    expect(moduleOf('imagePixelModule', m)).toMatchObject({ bitsAllocated: 16, bitsStored: 12, pixelRepresentation: 0, photometricInterpretation: 'MONOCHROME2' });
    expect(moduleOf('modalityLutModule', m)).toEqual({ rescaleSlope: 1, rescaleIntercept: -1024, rescaleType: 'HU' });
    expect(moduleOf('voiLutModule', m)).toMatchObject({ windowCenter: [40, -600], windowWidth: [400, 1500] });
    expect(moduleOf('generalSeriesModule', m)).toMatchObject({ modality: 'CT', seriesInstanceUID: '1.2.3.4' });
    expect(moduleOf('petSeriesModule', m)).toBeUndefined();
  });

  it('falls back sensibly: no spacing → uncalibrated, slope 0 → 1, backslash strings, unequal windows', () => {
    const m = imageMeta({
      '00280010': { vr: 'US', Value: [10] },
      '00280011': { vr: 'US', Value: [20] },
      '00281053': { vr: 'DS', Value: [0] },
      '00281050': { vr: 'DS', Value: ['40\\50'] },
      '00281051': { vr: 'DS', Value: [400] },
    });
    expect(m.pixelSpacing).toBeNull();
    expect(m.rescaleSlope).toBe(1);
    expect(m.windowCenter).toEqual([40]);
    expect(m.windowWidth).toEqual([400]);
    expect(m.photometricInterpretation).toBe('MONOCHROME2');
    expect(moduleOf('imagePlaneModule', m)).toMatchObject({ rowPixelSpacing: undefined, rowCosines: undefined });
    expect(nums({ x: { Value: ['1.5\\2.5', 3, 'junk'] } }, 'x')).toEqual([1.5, 2.5, 3]);
  });

  it('refuses metadata of something that is not an image', () => {
    expect(() => imageMeta({ '00080060': { vr: 'CS', Value: ['SR'] } })).toThrow(/not an image/);
  });

  it('reads the CT images an AI capture was made from', () => {
    const m = imageMeta({
      ...ctSlice,
      '00082112': { vr: 'SQ', Value: [{ '00081150': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] }, '00081155': { vr: 'UI', Value: ['9.8.7'] } }] },
    });
    expect(m.sourceSopInstanceUids).toEqual(['9.8.7']);
  });
});

describe('series list (QIDO-RS)', () => {
  const qido = (modality: string, number: number, description: string, count: number): DicomJson => ({
    '0020000E': { vr: 'UI', Value: [`1.2.${number}`] },
    '00080060': { vr: 'CS', Value: [modality] },
    '00200011': { vr: 'IS', Value: [number] },
    '0008103E': { vr: 'LO', Value: [description] },
    '00201209': { vr: 'IS', Value: [count] },
  });

  it('recognises AI series: SR, SC, or "AI" in the description', () => {
    expect(isAiSeries('SR', 'AI RESULT - FOR RESEARCH PURPOSES ONLY')).toBe(true);
    expect(isAiSeries('OT', 'AI HEAT MAP - FOR RESEARCH PURPOSES ONLY')).toBe(true);
    expect(isAiSeries('SC', 'capture')).toBe(true);
    expect(isAiSeries('CT', 'Chest AIRWAY')).toBe(false);
    expect(isAiSeries('CT', 'Chest')).toBe(false);
  });

  it('orders clinical image series first (largest first), then AI, then non-image series', () => {
    const list = orderSeries(
      [
        qido('SR', 9901, 'AI RESULT - FOR RESEARCH PURPOSES ONLY', 1),
        qido('OT', 9902, 'AI HEAT MAP - FOR RESEARCH PURPOSES ONLY', 12),
        qido('CT', 1, 'Scout', 2),
        qido('CT', 2, 'Chest 1.25 mm', 300),
      ].map(seriesSummary),
    );
    expect(list.map((s) => s.seriesNumber)).toEqual([2, 1, 9902, 9901]);
    expect(list[2]).toMatchObject({ ai: true, hasImages: true, modality: 'OT', instances: 12 });
    expect(list[3]).toMatchObject({ ai: true, hasImages: false });
  });
});
