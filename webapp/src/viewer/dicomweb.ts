// The viewer's DICOMweb client: QIDO-RS series and instances, WADO-RS metadata and frames of
// the product's own endpoints (api/dicomweb, same origin, session cookie; HTTP in shared/api.ts).
import { api } from '../shared/api';
import { imageMeta, num, orderSeries, seriesSummary, str, Tag, type DicomJson, type ImageMeta, type SeriesSummary } from './dicom-json';
import { parseMultipart } from './multipart';

const DICOM_JSON = 'application/dicom+json';
const FRAMES = 'multipart/related; type="application/octet-stream"';
const enc = encodeURIComponent;
const decoder = new TextDecoder();

function parseJsonArray(bytes: Uint8Array): DicomJson[] {
  if (bytes.length === 0) return []; // 204: no match
  const parsed = JSON.parse(decoder.decode(bytes)) as unknown;
  if (!Array.isArray(parsed)) throw new Error('DICOMweb: a JSON array was expected');
  return parsed as DicomJson[];
}

/** QIDO-RS: the series of a study, clinical ones first, then AI results. */
export async function studySeries(study: string): Promise<SeriesSummary[]> {
  const r = await api.dicomweb(`studies/${enc(study)}/series`, DICOM_JSON);
  return orderSeries(parseJsonArray(r.bytes).map(seriesSummary));
}

export interface InstanceRef {
  sopInstanceUid: string;
  instanceNumber: number | null;
  numberOfFrames: number;
}

/** QIDO-RS: the instances of a series, by Instance Number. */
export async function seriesInstances(study: string, series: string): Promise<InstanceRef[]> {
  const r = await api.dicomweb(`studies/${enc(study)}/series/${enc(series)}/instances`, DICOM_JSON);
  return parseJsonArray(r.bytes)
    .map((j) => ({
      sopInstanceUid: str(j, Tag.SOPInstanceUID) ?? '',
      instanceNumber: num(j, Tag.InstanceNumber) ?? null,
      numberOfFrames: num(j, Tag.NumberOfFrames) ?? 1,
    }))
    .filter((i) => i.sopInstanceUid)
    .sort((a, b) => (a.instanceNumber ?? 1e9) - (b.instanceNumber ?? 1e9));
}

/** WADO-RS metadata of the whole series (one request); null when the server does not offer it. */
export async function seriesMetadata(study: string, series: string): Promise<ImageMeta[] | null> {
  try {
    const r = await api.dicomweb(`studies/${enc(study)}/series/${enc(series)}/metadata`, DICOM_JSON);
    return parseJsonArray(r.bytes).flatMap((j) => {
      try {
        return [imageMeta(j)];
      } catch {
        return []; // not an image (e.g. an SR in the same series)
      }
    });
  } catch {
    return null;
  }
}

/** WADO-RS metadata of one instance. */
export async function instanceMetadata(study: string, series: string, sop: string): Promise<ImageMeta> {
  const r = await api.dicomweb(`studies/${enc(study)}/series/${enc(series)}/instances/${enc(sop)}/metadata`, DICOM_JSON);
  const list = parseJsonArray(r.bytes);
  if (!list.length) throw new Error('DICOMweb: empty metadata');
  return imageMeta(list[0]);
}

/** WADO-RS frame n (1-based) as raw little-endian bytes (the first part of the multipart answer). */
export async function frame(study: string, series: string, sop: string, n: number, signal?: AbortSignal): Promise<Uint8Array> {
  const r = await api.dicomweb(`studies/${enc(study)}/series/${enc(series)}/instances/${enc(sop)}/frames/${n}`, FRAMES, signal);
  if (!/^multipart\//i.test(r.contentType)) return r.bytes; // a single-part answer
  const parts = parseMultipart(r.bytes, r.contentType);
  if (!parts.length) throw new Error('DICOMweb: frame answer without parts');
  return parts[0].body;
}
