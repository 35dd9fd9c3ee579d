// multipart/related bodies of WADO-RS (PS3.18 8.7.3.2): each part has its own headers and the
// bytes between CRLF--boundary delimiters. Pure: no DOM, no cornerstone (unit-tested).

export interface Part {
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Uint8Array;
}

/** The boundary parameter of a multipart Content-Type, quoted or not; null if absent. */
export function boundaryOf(contentType: string): string | null {
  const m = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : null;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (let i = from; i <= last; i++) {
    if (haystack[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const latin1 = (b: Uint8Array) => {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
};

/**
 * Splits a multipart body. The part bodies are views into `body` (no copies). Throws on a body
 * without the boundary, on a part without the blank line after its headers, and on a body cut
 * before the closing delimiter.
 */
export function parseMultipart(body: Uint8Array, contentType: string): Part[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new Error(`multipart: no boundary in Content-Type "${contentType}"`);
  const dash = ascii(`--${boundary}`);
  const delimiter = ascii(`\r\n--${boundary}`);
  const headerEnd = ascii('\r\n\r\n');
  // The first delimiter may come without the preceding CRLF (at the very start of the body).
  let pos = indexOf(body, dash, 0);
  if (pos < 0) throw new Error('multipart: boundary not found in body');
  pos += dash.length;
  const parts: Part[] = [];
  for (;;) {
    // after a delimiter: "--" closes, otherwise optional whitespace and CRLF
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return parts;
    const lineEnd = indexOf(body, ascii('\r\n'), pos);
    if (lineEnd < 0) throw new Error('multipart: body cut after a boundary');
    const headStart = lineEnd + 2;
    let headers: Record<string, string> = {};
    let bodyStart: number;
    if (body[headStart] === 0x0d && body[headStart + 1] === 0x0a) {
      bodyStart = headStart + 2; // no headers
    } else {
      const end = indexOf(body, headerEnd, headStart);
      if (end < 0) throw new Error('multipart: part headers not terminated');
      headers = parseHeaders(latin1(body.subarray(headStart, end)));
      bodyStart = end + 4;
    }
    const next = indexOf(body, delimiter, bodyStart);
    if (next < 0) throw new Error('multipart: body cut inside a part (no closing boundary)');
    parts.push({ headers, body: body.subarray(bodyStart, next) });
    pos = next + delimiter.length;
  }
}

function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}
