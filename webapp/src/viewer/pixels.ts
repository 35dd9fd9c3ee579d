// Raw (uncompressed, little-endian) pixel data of one frame to the values the viewer shows and
// measures: grayscale with the modality LUT applied (CT: Hounsfield units), colour as
// interleaved RGB bytes. Pure: no DOM, no cornerstone (unit-tested).
import type { ImageMeta } from './dicom-json';

export type ModalityPixels =
  | { kind: 'gray'; data: Int16Array | Float32Array | Uint8Array | Uint16Array; min: number; max: number }
  | { kind: 'rgb'; data: Uint8Array; min: number; max: number };

/** Bytes one frame occupies. */
export function frameLength(m: ImageMeta): number {
  return Math.ceil((m.rows * m.columns * m.samplesPerPixel * m.bitsAllocated) / 8);
}

/** Stored values as signed or unsigned integers of BitsStored bits (masked, sign-extended). */
function storedValues(bytes: Uint8Array, m: ImageMeta, count: number): Int32Array | Uint8Array | Uint16Array | Int16Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (m.bitsAllocated === 8) {
    const out = bytes.slice(0, count);
    if (m.pixelRepresentation === 1) return Int32Array.from(new Int8Array(out.buffer));
    return out;
  }
  const shift = 32 - m.bitsStored;
  if (m.bitsAllocated === 16) {
    if (m.bitsStored === 16) {
      const out = m.pixelRepresentation === 1 ? new Int16Array(count) : new Uint16Array(count);
      for (let i = 0; i < count; i++) out[i] = m.pixelRepresentation === 1 ? view.getInt16(i * 2, true) : view.getUint16(i * 2, true);
      return out;
    }
    const out = new Int32Array(count);
    const mask = (1 << m.bitsStored) - 1;
    for (let i = 0; i < count; i++) {
      const v = view.getUint16(i * 2, true) & mask;
      out[i] = m.pixelRepresentation === 1 ? (v << shift) >> shift : v;
    }
    return out;
  }
  if (m.bitsAllocated === 32) {
    const out = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const v = view.getUint32(i * 4, true);
      out[i] = m.pixelRepresentation === 1 ? ((v << shift) >> shift) : m.bitsStored === 32 ? v : v & ((2 ** m.bitsStored) - 1);
    }
    return out;
  }
  throw new Error(`BitsAllocated ${m.bitsAllocated} is not supported`);
}

/**
 * Decodes one frame. Grayscale: value = stored * RescaleSlope + RescaleIntercept, kept as
 * Int16Array when that is exact (integer slope and intercept, range within int16), else
 * Float32Array; an identity LUT keeps 8/16-bit unsigned data as it is.
 */
export function decodeFrame(bytes: Uint8Array, m: ImageMeta): ModalityPixels {
  const pixels = m.rows * m.columns;
  const need = frameLength(m);
  if (bytes.length < need) throw new Error(`frame has ${bytes.length} bytes, ${need} expected`);
  if (m.samplesPerPixel === 3) {
    if (m.bitsAllocated !== 8) throw new Error('colour images need 8 bits per sample');
    if (m.photometricInterpretation !== 'RGB') throw new Error(`photometric ${m.photometricInterpretation} is not supported`);
    let rgb: Uint8Array;
    if (m.planarConfiguration === 1) {
      rgb = new Uint8Array(pixels * 3);
      for (let i = 0; i < pixels; i++) {
        rgb[i * 3] = bytes[i];
        rgb[i * 3 + 1] = bytes[pixels + i];
        rgb[i * 3 + 2] = bytes[2 * pixels + i];
      }
    } else {
      rgb = bytes.slice(0, pixels * 3);
    }
    return { kind: 'rgb', data: rgb, min: 0, max: 255 };
  }
  if (m.samplesPerPixel !== 1) throw new Error(`SamplesPerPixel ${m.samplesPerPixel} is not supported`);
  const stored = storedValues(bytes, m, pixels);
  const slope = m.rescaleSlope;
  const intercept = m.rescaleIntercept;
  const identity = slope === 1 && intercept === 0;
  if (identity && (stored instanceof Uint8Array || stored instanceof Uint16Array || stored instanceof Int16Array)) {
    const [min, max] = minMax(stored);
    return { kind: 'gray', data: stored, min, max };
  }
  const [smin, smax] = minMax(stored);
  const a = smin * slope + intercept;
  const b = smax * slope + intercept;
  const min = Math.min(a, b);
  const max = Math.max(a, b);
  const integral = Number.isInteger(slope) && Number.isInteger(intercept);
  const out = integral && min >= -32768 && max <= 32767 ? new Int16Array(pixels) : new Float32Array(pixels);
  for (let i = 0; i < pixels; i++) out[i] = stored[i] * slope + intercept;
  return { kind: 'gray', data: out, min, max };
}

function minMax(a: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return a.length ? [min, max] : [0, 0];
}

/** The window to open an image with: its own first window, else one spanning its values. */
export function initialWindow(m: ImageMeta, px: ModalityPixels): { center: number; width: number } {
  if (px.kind === 'rgb') return { center: 127.5, width: 256 };
  if (m.windowWidth.length && m.windowWidth[0] > 0) return { center: m.windowCenter[0], width: m.windowWidth[0] };
  return { center: (px.max + px.min) / 2, width: Math.max(1, px.max - px.min) };
}
