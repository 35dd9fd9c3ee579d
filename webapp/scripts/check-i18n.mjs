// Fails the build when the message bundles do not have exactly the same keys,
// or when a message is empty or its {placeholders} differ between languages.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../src/i18n/', import.meta.url));
const langs = ['en', 'ru'];
const bundles = Object.fromEntries(
  langs.map((l) => [l, JSON.parse(readFileSync(`${dir}${l}.json`, 'utf8'))]),
);
const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
const problems = [];
for (const l of langs) {
  for (const [k, v] of Object.entries(bundles[l])) {
    if (typeof v !== 'string' || v.trim() === '') problems.push(`${l}.json: "${k}" is empty or not a string`);
  }
}
const [base, ...others] = langs;
for (const other of others) {
  for (const k of Object.keys(bundles[base])) {
    if (!(k in bundles[other])) problems.push(`${other}.json: missing key "${k}"`);
    else if (placeholders(bundles[base][k]) !== placeholders(bundles[other][k])) {
      problems.push(`${other}.json: placeholders of "${k}" differ from ${base}.json`);
    }
  }
  for (const k of Object.keys(bundles[other])) {
    if (!(k in bundles[base])) problems.push(`${base}.json: missing key "${k}" (present in ${other}.json)`);
  }
}
if (problems.length > 0) {
  console.error(`i18n check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
