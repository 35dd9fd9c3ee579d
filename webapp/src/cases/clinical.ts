// How clinical data read: the full list on the case page, a short line in the lists.
import { locale, t, tDynamic, type MessageKey } from '../i18n/i18n';
import type { Clinical } from '../shared/types';

const NUMBERS: readonly [keyof Clinical, MessageKey][] = [
  ['temperatureC', 'clinical.temperature'],
  ['respiratoryRate', 'clinical.respiratoryRate'],
  ['spo2', 'clinical.spo2'],
  ['pao2Fio2', 'clinical.pao2Fio2'],
  ['daysSinceOnset', 'clinical.daysSinceOnset'],
];

const number = (v: number) => v.toLocaleString(locale(), { maximumFractionDigits: 1 });

/** Label and value of each value given, in the order of the form. */
export function clinicalRows(clinical: Clinical | undefined): [MessageKey, string][] {
  if (!clinical) return [];
  const rows: [MessageKey, string][] = [];
  for (const [key, label] of NUMBERS) {
    const v = clinical[key];
    if (typeof v === 'number') rows.push([label, t(`${label}.value` as MessageKey, { value: number(v) })]);
  }
  if (clinical.symptoms && clinical.symptoms.length > 0) {
    rows.push(['clinical.symptoms', clinical.symptoms.map((s) => tDynamic(`symptom.${s}`, s)).join(', ')]);
  }
  if (clinical.pcr) rows.push(['clinical.pcr', tDynamic(`pcr.${clinical.pcr}`, clinical.pcr)]);
  if (typeof clinical.epidemiologicalContact === 'boolean') {
    rows.push(['clinical.contact', clinical.epidemiologicalContact ? t('common.yes') : t('common.no')]);
  }
  return rows;
}

/** One short line for a list item, e.g. "38.4 °C · RR 24/min · SpO2 93 % · day 6 · PCR positive". */
export function clinicalLine(clinical: Clinical | undefined): string | null {
  if (!clinical) return null;
  const parts: string[] = [];
  if (typeof clinical.temperatureC === 'number') parts.push(t('clinical.temperature.value', { value: number(clinical.temperatureC) }));
  if (typeof clinical.respiratoryRate === 'number') parts.push(t('clinical.short.respiratoryRate', { value: number(clinical.respiratoryRate) }));
  if (typeof clinical.spo2 === 'number') parts.push(t('clinical.short.spo2', { value: number(clinical.spo2) }));
  if (typeof clinical.pao2Fio2 === 'number') parts.push(t('clinical.short.pao2Fio2', { value: number(clinical.pao2Fio2) }));
  if (typeof clinical.daysSinceOnset === 'number') parts.push(t('clinical.short.day', { value: number(clinical.daysSinceOnset) }));
  if (clinical.pcr) parts.push(t('clinical.short.pcr', { value: tDynamic(`pcr.${clinical.pcr}`, clinical.pcr) }));
  return parts.length > 0 ? parts.join(' · ') : null;
}
