// ADMIN: the duty roster — upcoming shifts, add a shift, delete a shift. Only a consultant
// on duty may claim a case.
import { t } from '../i18n/i18n';
import { api } from '../shared/api';
import { clearBanner, showError } from '../shared/banner';
import { h, mount } from '../shared/dom';
import { formatDateTime } from '../shared/format';
import { dataTable } from '../shared/table';
import type { Shift, User } from '../shared/types';

/** "2026-11-23T14:00" (an <input type=datetime-local> value, local time) → ISO instant. */
export function localToInstant(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  const date = new Date(value); // no offset: parsed as local time
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An instant as an <input type=datetime-local> value in local time. */
function instantToLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function rosterPanel(users: Promise<User[]>): HTMLElement {
  const tableBox = h('div', { 'data-testid': 'roster-table-box' }, h('p', { class: 'muted' }, t('common.loading')));
  const consultant = h('select', { id: 'shift-consultant', required: true, disabled: true }, h('option', { value: '' }, t('common.loading')));
  const now = new Date();
  now.setMinutes(0, 0, 0);
  const startsAt = h('input', { id: 'shift-start', type: 'datetime-local', required: true, value: instantToLocal(new Date(now.getTime() + 3600_000)) });
  const endsAt = h('input', { id: 'shift-end', type: 'datetime-local', required: true, value: instantToLocal(new Date(now.getTime() + 13 * 3600_000)) });
  const error = h('p', { class: 'field-error', hidden: true, 'data-testid': 'shift-error' });
  const status = h('p', { class: 'form-status', role: 'status', 'data-testid': 'shift-status' });
  const add = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'shift-add' }, t('roster.add'));

  let shifts: Shift[] = [];
  const render = () => {
    if (shifts.length === 0) {
      mount(tableBox, h('p', { class: 'empty-state' }, t('roster.empty')));
      return;
    }
    mount(
      tableBox,
      dataTable(
        t('roster.heading'),
        [
          { header: t('roster.col.consultant'), cell: (s) => s.consultant },
          { header: t('roster.col.start'), cell: (s) => h('time', { datetime: s.startsAt }, formatDateTime(s.startsAt)) },
          { header: t('roster.col.end'), cell: (s) => h('time', { datetime: s.endsAt }, formatDateTime(s.endsAt)) },
          {
            header: t('roster.col.onDuty'),
            cell: (s) => (s.onDutyNow ? h('span', { class: 'duty-badge', 'data-testid': 'on-duty' }, t('roster.onDuty')) : '—'),
          },
          {
            header: t('roster.col.actions'),
            cell: (s) =>
              h(
                'button',
                {
                  type: 'button',
                  class: 'button button-quiet',
                  'data-testid': 'shift-delete',
                  'aria-label': t('roster.deleteOf', { name: s.consultant, start: formatDateTime(s.startsAt) }),
                  onclick: (e: Event) => void remove(e.currentTarget as HTMLButtonElement, s),
                },
                t('roster.delete'),
              ),
          },
        ],
        shifts,
        'roster-table',
      ),
    );
  };

  const load = async () => {
    try {
      shifts = [...(await api.roster())].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      render();
    } catch (e) {
      showError(e);
      mount(tableBox, h('p', { class: 'empty-state' }, t('common.loadFailed')));
    }
  };

  const remove = async (button: HTMLButtonElement, s: Shift) => {
    clearBanner();
    button.disabled = true;
    try {
      await api.deleteShift(s.id);
      status.textContent = t('roster.deleted');
    } catch (e) {
      showError(e);
    } finally {
      button.disabled = false;
    }
    await load();
  };

  users
    .then((all) => {
      const consultants = all.filter((u) => u.role === 'CONSULTANT' && u.enabled);
      if (consultants.length === 0) {
        mount(consultant, h('option', { value: '' }, t('roster.noConsultants')));
        return;
      }
      mount(consultant, consultants.map((u) => h('option', { value: u.id }, `${u.displayName} (${u.username})`)));
      consultant.disabled = false;
    })
    .catch(() => mount(consultant, h('option', { value: '' }, t('common.loadFailed'))));

  const form = h(
    'form',
    { class: 'form roster-form', novalidate: true, 'data-testid': 'shift-form', 'aria-labelledby': 'shift-form-heading' },
    h('h3', { id: 'shift-form-heading' }, t('roster.addHeading')),
    h(
      'div',
      { class: 'roster-fields' },
      h('div', { class: 'field' }, h('label', { for: consultant.id }, t('roster.col.consultant')), consultant),
      h('div', { class: 'field' }, h('label', { for: startsAt.id }, t('roster.col.start')), startsAt),
      h('div', { class: 'field' }, h('label', { for: endsAt.id }, t('roster.col.end')), endsAt),
    ),
    h('p', { class: 'hint' }, t('roster.timeHint', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? '' })),
    error,
    h('div', { class: 'form-actions' }, add, status),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearBanner();
    status.textContent = '';
    const start = localToInstant(startsAt.value);
    const end = localToInstant(endsAt.value);
    const problem = !consultant.value
      ? t('roster.pickConsultant')
      : !start || !end
        ? t('roster.badTime')
        : Date.parse(end) <= Date.parse(start)
          ? t('roster.endBeforeStart')
          : null;
    if (problem || !start || !end) {
      error.textContent = problem;
      error.hidden = false;
      return;
    }
    error.hidden = true;
    add.disabled = true;
    try {
      await api.addShift(consultant.value, start, end);
      status.textContent = t('roster.added');
      await load();
    } catch (e) {
      showError(e);
    } finally {
      add.disabled = false;
    }
  });

  void load();
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'roster-heading', 'data-testid': 'roster' },
    h('h2', { id: 'roster-heading' }, t('roster.heading')),
    h('p', { class: 'muted' }, t('roster.intro')),
    tableBox,
    form,
  );
}
