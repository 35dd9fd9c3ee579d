import { describe, expect, it } from 'vitest';
import { imageMeta, type ImageMeta } from './dicom-json';
import { decodeFrame, frameLength, initialWindow } from './pixels';
import { CT_PRESETS, toRange, toWindow } from './presets';

function meta(over: Partial<ImageMeta>): ImageMeta {
  return { ...imageMeta({ '00280010': { Value: [2] }, '00280011': { Value: [2] } }), ...over };
}

function le16(values: number[]): Uint8Array {
  const b = new Uint8Array(values.length * 2);
  const v = new DataView(b.buffer);
  values.forEach((x, i) => v.setUint16(i * 2, x & 0xffff, true));
  return b;
}

describe('decodeFrame', () => {
  it('applies the modality LUT: unsigned 12-bit CT with intercept -1024 → HU in an Int16Array', () => {
    const m = meta({ bitsAllocated: 16, bitsStored: 12, pixelRepresentation: 0, rescaleIntercept: -1024 });
    // the bits above BitsStored are garbage (overlay bits) and must be masked off
    const px = decodeFrame(le16([0, 1024, 0xf000 | 1064, 4095]), m);
    expect(px.kind).toBe('gray');
    expect(px.data).toBeInstanceOf(Int16Array);
    expect([...px.data]).toEqual([-1024, 0, 40, 3071]);
    expect([px.min, px.max]).toEqual([-1024, 3071]);
  });

  it('reads signed 16-bit and sign-extends signed 12-bit stored values', () => {
    expect([...decodeFrame(le16([-1000, -1, 0, 1200]), meta({ pixelRepresentation: 1, bitsStored: 16 })).data]).toEqual([-1000, -1, 0, 1200]);
    const twelve = decodeFrame(le16([0x0fff, 0x0800, 0x07ff, 5]), meta({ pixelRepresentation: 1, bitsStored: 12, highBit: 11 }));
    expect([...twelve.data]).toEqual([-1, -2048, 2047, 5]);
  });

  it('uses Float32Array for a fractional slope', () => {
    const px = decodeFrame(le16([0, 1, 2, 3]), meta({ rescaleSlope: 0.5, rescaleIntercept: -1 }));
    expect(px.data).toBeInstanceOf(Float32Array);
    expect([...px.data]).toEqual([-1, -0.5, 0, 0.5]);
  });

  it('reads 8-bit grayscale and interleaves planar RGB', () => {
    expect([...decodeFrame(new Uint8Array([1, 2, 3, 250]), meta({ bitsAllocated: 8, bitsStored: 8 })).data]).toEqual([1, 2, 3, 250]);
    const planar = new Uint8Array([1, 2, 3, 4, 10, 20, 30, 40, 100, 200, 150, 250]);
    const rgb = decodeFrame(planar, meta({ bitsAllocated: 8, bitsStored: 8, samplesPerPixel: 3, photometricInterpretation: 'RGB', planarConfiguration: 1 }));
    expect(rgb.kind).toBe('rgb');
    expect([...rgb.data.slice(0, 6)]).toEqual([1, 10, 100, 2, 20, 200]);
  });

  it('refuses a short frame and unsupported formats', () => {
    const m = meta({});
    expect(frameLength(m)).toBe(8);
    expect(() => decodeFrame(new Uint8Array(7), m)).toThrow(/7 bytes, 8 expected/);
    expect(() => decodeFrame(new Uint8Array(12), meta({ bitsAllocated: 8, samplesPerPixel: 3, photometricInterpretation: 'YBR_FULL_422' }))).toThrow(/not supported/);
  });

  it('decodes a 512×512 slice fast enough to scroll (best of 5 under 100 ms, even on a busy machine)', () => {
    const m = meta({ rows: 512, columns: 512, bitsStored: 12, rescaleIntercept: -1024 });
    const raw = le16(Array.from({ length: 512 * 512 }, (_, i) => i % 4096));
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      decodeFrame(raw, m);
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(100);
  });
});

describe('windows', () => {
  it('opens with the image window, else the value range', () => {
    const px = decodeFrame(le16([0, 100, 200, 300]), meta({}));
    expect(initialWindow(meta({ windowCenter: [40], windowWidth: [400] }), px)).toEqual({ center: 40, width: 400 });
    expect(initialWindow(meta({}), px)).toEqual({ center: 150, width: 300 });
  });

  it('converts the lung and mediastinum presets to VOI ranges and back', () => {
    const lung = CT_PRESETS.find((p) => p.id === 'lung')!;
    expect(toRange(lung.width, lung.center)).toEqual({ lower: -1350, upper: 149 });
    expect(toWindow({ lower: -1350, upper: 149 })).toEqual({ width: 1500, center: -600 });
    const mediastinum = CT_PRESETS.find((p) => p.id === 'mediastinum')!;
    expect(toRange(mediastinum.width, mediastinum.center)).toEqual({ lower: -160, upper: 239 });
    expect(toWindow(toRange(mediastinum.width, mediastinum.center))).toEqual({ width: 400, center: 40 });
  });
});
