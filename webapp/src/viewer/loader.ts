// The cornerstone image loader 'teleris-wado' and its metadata provider: WADO-RS metadata and
// raw frames of the product's DICOMweb, turned into cornerstone images whose pixel values are
// modality values (CT: HU, "pre-scaled"), so measurements read HU directly.
import { imageLoader, metaData, utilities, type Types } from '@cornerstonejs/core';
import type { ImageMeta } from './dicom-json';
import { frame, instanceMetadata } from './dicomweb';
import { moduleOf } from './modules';
import { decodeFrame, initialWindow } from './pixels';

export const SCHEME = 'teleris-wado';

/** imageId of one frame: teleris-wado:<study>/<series>/<sop>/<frame>. */
export function imageIdOf(study: string, series: string, sop: string, frameNumber = 1): string {
  return `${SCHEME}:${[study, series, sop].map(encodeURIComponent).join('/')}/${frameNumber}`;
}

export function parseImageId(imageId: string): { study: string; series: string; sop: string; frame: number } {
  const [study, series, sop, f] = imageId.slice(SCHEME.length + 1).split('/');
  return { study: decodeURIComponent(study), series: decodeURIComponent(series), sop: decodeURIComponent(sop), frame: Number(f) };
}

const metas = new Map<string, ImageMeta>(); // by imageId (without the frame: by sop)
const sopKey = (imageId: string) => imageId.slice(0, imageId.lastIndexOf('/'));

/** Metadata already known (e.g. from series metadata): the loader will not ask again. */
export function rememberMeta(imageId: string, m: ImageMeta): void {
  metas.set(sopKey(imageId), m);
}

export function metaOf(imageId: string): ImageMeta | undefined {
  return metas.get(sopKey(imageId));
}

async function ensureMeta(imageId: string): Promise<ImageMeta> {
  const known = metaOf(imageId);
  if (known) return known;
  const { study, series, sop } = parseImageId(imageId);
  const m = await instanceMetadata(study, series, sop);
  rememberMeta(imageId, m);
  return m;
}

/** Cornerstone metadata modules of an image we loaded or described. */
export function metadataModule(type: string, imageId: string): unknown {
  if (typeof imageId !== 'string' || !imageId.startsWith(`${SCHEME}:`)) return undefined;
  const m = metaOf(imageId);
  return m ? moduleOf(type, m) : undefined;
}

function dataTypeOf(a: ArrayBufferView): Types.PixelDataTypedArrayString {
  return a.constructor.name as Types.PixelDataTypedArrayString;
}

/** Loads one frame and builds the cornerstone image object. */
export async function loadImage(imageId: string, signal?: AbortSignal): Promise<Types.IImage> {
  const started = performance.now();
  const m = await ensureMeta(imageId);
  const { study, series, sop, frame: n } = parseImageId(imageId);
  const bytes = await frame(study, series, sop, n, signal);
  const loaded = performance.now();
  const px = decodeFrame(bytes, m);
  const window = initialWindow(m, px);
  const color = px.kind === 'rgb';
  const components = color ? 3 : 1;
  const pixelData = px.data;
  const voxelManager = utilities.VoxelManager.createImageVoxelManager({
    scalarData: pixelData,
    width: m.columns,
    height: m.rows,
    numberOfComponents: components,
  });
  const image = {
    imageId,
    minPixelValue: px.min,
    maxPixelValue: px.max,
    // the values are already modality values: the modality LUT is the identity from here on
    slope: 1,
    intercept: 0,
    windowCenter: window.center,
    windowWidth: window.width,
    voiLUTFunction: 'LINEAR',
    getPixelData: () => voxelManager.getScalarData(),
    getCanvas: () => {
      throw new Error('getCanvas is not supported');
    },
    rows: m.rows,
    columns: m.columns,
    height: m.rows,
    width: m.columns,
    color,
    rgba: false,
    numberOfComponents: components,
    columnPixelSpacing: m.pixelSpacing?.[1] ?? 1,
    rowPixelSpacing: m.pixelSpacing?.[0] ?? 1,
    sliceThickness: m.sliceThickness ?? undefined,
    invert: m.photometricInterpretation === 'MONOCHROME1',
    photometricInterpretation: m.photometricInterpretation,
    sizeInBytes: pixelData.byteLength,
    dataType: dataTypeOf(pixelData),
    FrameOfReferenceUID: m.frameOfReferenceUid ?? undefined,
    voxelManager,
    imageFrame: { pixelData, rows: m.rows, columns: m.columns, samplesPerPixel: components },
    preScale: {
      enabled: !color,
      scaled: !color,
      scalingParameters: { modality: m.modality, rescaleSlope: m.rescaleSlope, rescaleIntercept: m.rescaleIntercept },
    },
    loadTimeInMS: loaded - started,
    decodeTimeInMS: performance.now() - loaded,
  };
  return image as unknown as Types.IImage;
}

let registered = false;

/** Registers the loader and the metadata provider once per page. */
export function registerWadoLoader(): void {
  if (registered) return;
  registered = true;
  imageLoader.registerImageLoader(SCHEME, (imageId: string) => {
    const controller = new AbortController();
    return { promise: loadImage(imageId, controller.signal), cancelFn: () => controller.abort() };
  });
  metaData.addProvider((type: string, ...queries: unknown[]) => metadataModule(type, queries[0] as string), 10000);
}
