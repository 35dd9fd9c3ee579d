// Window presets for CT (Hounsfield units) and the window ↔ VOI range arithmetic. Pure.

export interface WindowPreset {
  id: 'lung' | 'mediastinum' | 'bone' | 'default';
  width: number;
  center: number;
}

/** Lung W1500/L-600, mediastinum (soft tissue) W400/L40, bone W2000/L500. */
export const CT_PRESETS: WindowPreset[] = [
  { id: 'lung', width: 1500, center: -600 },
  { id: 'mediastinum', width: 400, center: 40 },
  { id: 'bone', width: 2000, center: 500 },
];

/** Window → VOI range by the DICOM linear function (PS3.3 C.11.2.1.2), as cornerstone does. */
export function toRange(width: number, center: number): { lower: number; upper: number } {
  return { lower: center - 0.5 - (width - 1) / 2, upper: center - 0.5 + (width - 1) / 2 };
}

/** VOI range → window, the inverse of toRange. */
export function toWindow(range: { lower: number; upper: number }): { width: number; center: number } {
  return { width: Math.abs(range.upper - range.lower) + 1, center: (range.lower + range.upper + 1) / 2 };
}
