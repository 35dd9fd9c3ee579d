// The PHI warning: before free text is posted, the server's `POST api/phi-check` looks for
// what might identify a patient (names, dates of birth, id-like numbers, phones, e-mails).
// Findings are shown (which field, what kind, the position highlighted in the text) and the
// user either edits the text or confirms, which re-sends with `phiAcknowledged: true`.
// The server refuses unacknowledged text with 422 `possible_phi` and the same findings, so a
// refusal leads to the same warning.
import { t, tDynamic } from '../i18n/i18n';
import { api, ApiError } from './api';
import { h, mount } from './dom';
import type { PhiFinding } from './types';

export interface PhiGuardOptions {
  /** Where the warning is shown (emptied when there is nothing to show). */
  region: HTMLElement;
  /** The free-text fields about to be sent, by the field names the server reports. */
  fields: () => Record<string, string>;
  /** The localised label of a field. */
  label: (field: string) => string;
  /** Moves the focus to a field so that the user can edit it. */
  focus: (field: string) => void;
  /** Sends; `acknowledged` is true once the user has confirmed the warning. */
  send: (acknowledged: boolean) => Promise<void>;
  /** Called when an error other than a PHI refusal happens. */
  onError: (error: unknown) => void;
}

/** Runs check → (warning → confirm) → send. Resolves when the flow has settled. */
export async function sendWithPhiCheck(options: PhiGuardOptions): Promise<void> {
  mount(options.region);
  const fields = options.fields();
  let findings: PhiFinding[] = [];
  try {
    const nonEmpty = Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim() !== ''));
    if (Object.keys(nonEmpty).length > 0) findings = (await api.phiCheck(nonEmpty)).findings ?? [];
  } catch (error) {
    // Without a check (e.g. the server is older), the server's own 422 still protects the send.
    if (!(error instanceof ApiError) || error.status === 401) {
      options.onError(error);
      return;
    }
  }
  if (findings.length > 0) {
    showWarning(options, fields, findings);
    return;
  }
  await trySend(options, fields, false);
}

async function trySend(options: PhiGuardOptions, fields: Record<string, string>, acknowledged: boolean): Promise<void> {
  try {
    await options.send(acknowledged);
    mount(options.region);
  } catch (error) {
    if (error instanceof ApiError && error.status === 422 && error.code === 'possible_phi' && !acknowledged) {
      showWarning(options, fields, error.body.findings ?? []);
    } else {
      options.onError(error);
    }
  }
}

function showWarning(options: PhiGuardOptions, fields: Record<string, string>, findings: PhiFinding[]): void {
  const byField = new Map<string, PhiFinding[]>();
  for (const f of findings) byField.set(f.field, [...(byField.get(f.field) ?? []), f]);
  const confirm = h(
    'button',
    {
      type: 'button',
      class: 'button button-danger',
      'data-testid': 'phi-confirm',
      onclick: async () => {
        confirm.disabled = true;
        edit.disabled = true;
        await trySend(options, fields, true);
        confirm.disabled = false;
        edit.disabled = false;
      },
    },
    t('phi.confirm'),
  );
  const edit = h(
    'button',
    {
      type: 'button',
      class: 'button',
      'data-testid': 'phi-edit',
      onclick: () => {
        mount(options.region);
        options.focus(findings[0]?.field ?? Object.keys(fields)[0]);
      },
    },
    t('phi.edit'),
  );
  const warning = h(
    'div',
    { class: 'phi-warning', role: 'alert', 'data-testid': 'phi-warning' },
    h('p', { class: 'phi-title' }, h('strong', null, t('phi.title'))),
    h('p', null, t('phi.intro')),
    h(
      'ul',
      { class: 'phi-findings' },
      [...byField.entries()].map(([field, list]) =>
        h(
          'li',
          { 'data-testid': 'phi-finding', 'data-field': field },
          h('span', { class: 'phi-field' }, options.label(field)),
          ': ',
          list.map((f, i) => [
            i > 0 ? ', ' : null,
            h('span', { class: 'phi-kind', 'data-kind': f.kind }, tDynamic(`phi.kind.${f.kind}`, f.kind)),
          ]),
          h('blockquote', { class: 'phi-excerpt' }, highlighted(fields[field] ?? '', list)),
        ),
      ),
    ),
    h('p', { class: 'muted' }, t('phi.question')),
    h('div', { class: 'form-actions' }, edit, confirm),
  );
  mount(options.region, warning);
  warning.scrollIntoView?.({ block: 'nearest' });
}

/** The text with each finding's [start, end) marked. */
function highlighted(text: string, findings: readonly PhiFinding[]): (string | HTMLElement)[] {
  const spans = findings
    .filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start < f.end)
    .map((f) => ({ start: Math.max(0, f.start), end: Math.min(text.length, f.end), kind: f.kind }))
    .sort((a, b) => a.start - b.start);
  const parts: (string | HTMLElement)[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue; // overlapping: the first one wins
    if (s.start > at) parts.push(text.slice(at, s.start));
    parts.push(
      h('mark', { class: 'phi-mark', 'data-testid': 'phi-mark', title: tDynamic(`phi.kind.${s.kind}`, s.kind) }, text.slice(s.start, s.end)),
    );
    at = s.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
