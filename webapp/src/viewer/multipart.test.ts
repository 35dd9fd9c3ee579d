import { describe, expect, it } from 'vitest';
import { boundaryOf, parseMultipart } from './multipart';

const enc = new TextEncoder();
function body(...chunks: (string | Uint8Array)[]): Uint8Array {
  const parts = chunks.map((c) => (typeof c === 'string' ? enc.encode(c) : c));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

describe('boundaryOf', () => {
  it('reads quoted and bare boundaries', () => {
    expect(boundaryOf('multipart/related; type="application/octet-stream"; boundary="abc 123"')).toBe('abc 123');
    expect(boundaryOf('multipart/related;boundary=xyz;type=application/octet-stream')).toBe('xyz');
    expect(boundaryOf('application/octet-stream')).toBeNull();
  });
});

describe('parseMultipart', () => {
  const ct = 'multipart/related; type="application/octet-stream"; boundary=b0undary';

  it('returns each part with its headers and exact binary body', () => {
    const pixels = new Uint8Array([0x00, 0x0d, 0x0a, 0x2d, 0x2d, 0xff, 0x80, 0x01]); // CRLF-- inside the data
    const parts = parseMultipart(
      body(
        '--b0undary\r\nContent-Type: application/octet-stream\r\nContent-Location: frames/1\r\n\r\n',
        pixels,
        '\r\n--b0undary\r\nContent-Type: application/octet-stream\r\n\r\n',
        new Uint8Array([7, 8, 9]),
        '\r\n--b0undary--\r\n',
      ),
      ct,
    );
    expect(parts).toHaveLength(2);
    expect(parts[0].headers['content-type']).toBe('application/octet-stream');
    expect(parts[0].headers['content-location']).toBe('frames/1');
    expect([...parts[0].body]).toEqual([...pixels]);
    expect([...parts[1].body]).toEqual([7, 8, 9]);
  });

  it('accepts a preamble and a part without headers', () => {
    const parts = parseMultipart(body('preamble\r\n--b0undary\r\n\r\nabc\r\n--b0undary--'), ct);
    expect(parts).toHaveLength(1);
    expect(new TextDecoder().decode(parts[0].body)).toBe('abc');
  });

  it('refuses a body cut inside a part, a missing boundary and a missing parameter', () => {
    expect(() => parseMultipart(body('--b0undary\r\nContent-Type: x\r\n\r\nabc'), ct)).toThrow(/cut inside a part/);
    expect(() => parseMultipart(body('no delimiters here'), ct)).toThrow(/boundary not found/);
    expect(() => parseMultipart(body('--b0undary--'), 'multipart/related')).toThrow(/no boundary/);
  });

  it('handles a large frame quickly (best of 3 under 250 ms, even on a busy machine)', () => {
    const frame = new Uint8Array(512 * 512 * 2).map((_, i) => i % 251);
    const whole = body('--b0undary\r\nContent-Type: application/octet-stream\r\n\r\n', frame, '\r\n--b0undary--');
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const parts = parseMultipart(whole, ct);
      best = Math.min(best, performance.now() - t0);
      expect(parts[0].body.length).toBe(frame.length);
      expect(parts[0].body[1000]).toBe(frame[1000]);
    }
    expect(best).toBeLessThan(250);
  });
});
