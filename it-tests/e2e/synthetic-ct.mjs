// A synthetic chest CT written by the test itself: DICOM Part 10 files in Explicit VR Little
// Endian (CT Image Storage), 16-bit unsigned, 12 bits stored, intercept -1024, so the stored
// values are HU + 1024. The phantom: air outside, a soft-tissue body (40 HU), two lungs
// (-850 HU) with a few vessels, a vertebra (700 HU) and a heart (40 HU) between the lungs.
// Nothing here is a real patient.
import { randomBytes } from 'node:crypto';

const TS_EXPLICIT_LE = '1.2.840.10008.1.2.1';
const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';

export const uid = () => `2.25.${BigInt('0x' + randomBytes(15).toString('hex')).toString()}`;

/** HU of the phantom at (x, y) mm from the centre of slice z (0..1 from the apex to the base). */
export function phantomHu(x, y, z) {
  const inEllipse = (cx, cy, rx, ry) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
  if (!inEllipse(0, 0, 160, 115)) return -1000; // air around the body
  if (inEllipse(0, 85, 18, 18)) return 700; // vertebra (posterior, y down)
  const lungRy = 80 * Math.sin(Math.PI * (0.15 + 0.85 * z)) + 10;
  for (const side of [-1, 1]) {
    if (inEllipse(side * 72, -5, 55, lungRy)) {
      // vessels: small dense dots on a grid
      const vx = ((x + 500) % 24) - 12;
      const vy = ((y + 500) % 24) - 12;
      return vx * vx + vy * vy < 6 ? 30 : -850;
    }
  }
  return 40; // soft tissue, heart, mediastinum
}

function pad(bytes) {
  return bytes.length % 2 ? Buffer.concat([bytes, Buffer.from([0])]) : bytes;
}

const LONG_VRS = new Set(['OB', 'OW', 'OF', 'SQ', 'UT', 'UN', 'UC', 'UR']);

/** One element, explicit VR little endian. value: string (text VRs), number[] (US), Buffer (OB/OW). */
function element(group, el, vr, value) {
  let data;
  if (vr === 'US') {
    data = Buffer.alloc(2 * value.length);
    value.forEach((v, i) => data.writeUInt16LE(v, i * 2));
  } else if (vr === 'UL') {
    data = Buffer.alloc(4 * value.length);
    value.forEach((v, i) => data.writeUInt32LE(v, i * 4));
  } else if (Buffer.isBuffer(value)) {
    data = pad(value);
  } else {
    const text = Buffer.from(String(value), 'latin1');
    data = text.length % 2 ? Buffer.concat([text, Buffer.from([vr === 'UI' ? 0 : 0x20])]) : text;
  }
  const long = LONG_VRS.has(vr);
  const head = Buffer.alloc(long ? 12 : 8);
  head.writeUInt16LE(group, 0);
  head.writeUInt16LE(el, 2);
  head.write(vr, 4, 'latin1');
  if (long) head.writeUInt32LE(data.length, 8);
  else head.writeUInt16LE(data.length, 6);
  return Buffer.concat([head, data]);
}

function part10(sopInstanceUid, elements) {
  const meta = Buffer.concat([
    element(0x0002, 0x0001, 'OB', Buffer.from([0, 1])),
    element(0x0002, 0x0002, 'UI', CT_IMAGE_STORAGE),
    element(0x0002, 0x0003, 'UI', sopInstanceUid),
    element(0x0002, 0x0010, 'UI', TS_EXPLICIT_LE),
    element(0x0002, 0x0012, 'UI', '1.2.826.0.1.3680043.10.1234.1'),
    element(0x0002, 0x0013, 'SH', 'TELERIS_E2E'),
  ]);
  const sorted = [...elements].sort((a, b) => a.tag - b.tag).map((e) => e.bytes);
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), element(0x0002, 0x0000, 'UL', [meta.length]), meta, ...sorted]);
}

/**
 * @returns the UIDs, the Part 10 files and, per slice, its SOP Instance UID, number, z and raw pixels
 */
export function syntheticChestCt({ slices = 120, size = 256, fov = 360, thickness = 2.5 } = {}) {
  const studyUid = uid();
  const seriesUid = uid();
  const frameUid = uid();
  const spacing = fov / size;
  const files = [];
  const instances = [];
  for (let k = 0; k < slices; k++) {
    const sop = uid();
    const z = -Math.round(thickness * k * 1000) / 1000;
    const pixels = Buffer.alloc(size * size * 2);
    for (let r = 0; r < size; r++) {
      const y = (r + 0.5) * spacing - fov / 2;
      for (let c = 0; c < size; c++) {
        const x = (c + 0.5) * spacing - fov / 2;
        pixels.writeUInt16LE(phantomHu(x, y, k / Math.max(1, slices - 1)) + 1024, (r * size + c) * 2);
      }
    }
    const e = (group, el, vr, value) => ({ tag: group * 0x10000 + el, bytes: element(group, el, vr, value) });
    const ds = [
      e(0x0008, 0x0005, 'CS', 'ISO_IR 100'),
      e(0x0008, 0x0008, 'CS', 'ORIGINAL\\PRIMARY\\AXIAL'),
      e(0x0008, 0x0016, 'UI', CT_IMAGE_STORAGE),
      e(0x0008, 0x0018, 'UI', sop),
      e(0x0008, 0x0020, 'DA', '20261101'),
      e(0x0008, 0x0030, 'TM', '101500'),
      e(0x0008, 0x0050, 'SH', 'E2EACC'),
      e(0x0008, 0x0060, 'CS', 'CT'),
      e(0x0008, 0x0070, 'LO', 'Synthetic'),
      e(0x0008, 0x0090, 'PN', ''),
      e(0x0008, 0x103e, 'LO', 'Chest synthetic'),
      e(0x0010, 0x0010, 'PN', 'Phantom^Synthetic'),
      e(0x0010, 0x0020, 'LO', 'PHANTOMID'),
      e(0x0010, 0x0030, 'DA', '19700101'),
      e(0x0010, 0x0040, 'CS', 'O'),
      e(0x0018, 0x0015, 'CS', 'CHEST'),
      e(0x0018, 0x0050, 'DS', String(thickness)),
      e(0x0018, 0x0060, 'DS', '120'),
      e(0x0018, 0x5100, 'CS', 'FFS'),
      e(0x0020, 0x000d, 'UI', studyUid),
      e(0x0020, 0x000e, 'UI', seriesUid),
      e(0x0020, 0x0010, 'SH', '1'),
      e(0x0020, 0x0011, 'IS', '2'),
      e(0x0020, 0x0012, 'IS', '1'),
      e(0x0020, 0x0013, 'IS', String(k + 1)),
      e(0x0020, 0x0032, 'DS', `${-fov / 2}\\${-fov / 2}\\${z}`),
      e(0x0020, 0x0037, 'DS', '1\\0\\0\\0\\1\\0'),
      e(0x0020, 0x0052, 'UI', frameUid),
      e(0x0020, 0x1040, 'LO', ''),
      e(0x0020, 0x1041, 'DS', String(z)),
      e(0x0028, 0x0002, 'US', [1]),
      e(0x0028, 0x0004, 'CS', 'MONOCHROME2'),
      e(0x0028, 0x0010, 'US', [size]),
      e(0x0028, 0x0011, 'US', [size]),
      e(0x0028, 0x0030, 'DS', `${spacing}\\${spacing}`),
      e(0x0028, 0x0100, 'US', [16]),
      e(0x0028, 0x0101, 'US', [12]),
      e(0x0028, 0x0102, 'US', [11]),
      e(0x0028, 0x0103, 'US', [0]),
      e(0x0028, 0x1050, 'DS', '40'),
      e(0x0028, 0x1051, 'DS', '400'),
      e(0x0028, 0x1052, 'DS', '-1024'),
      e(0x0028, 0x1053, 'DS', '1'),
      e(0x7fe0, 0x0010, 'OW', pixels),
    ];
    files.push(part10(sop, ds));
    instances.push({ sop, number: k + 1, z, pixels });
  }
  return { studyUid, seriesUid, frameUid, files, instances, spacing, size, thickness, fov };
}

/** A multipart/related body of DICOM files (STOW-RS request). */
export function multipartRelated(files, boundary = `e2e-${randomBytes(8).toString('hex')}`) {
  const chunks = [];
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), f, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/related; type="application/dicom"; boundary=${boundary}` };
}
