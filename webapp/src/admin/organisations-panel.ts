// ADMIN: organisations — the list with AE titles and upload settings, and one form to create a
// regional clinic or reference centre or to change one (name, DICOM AE titles, whether its AE
// titles may send over the DICOM network). The server validates and audits every change.
import { t, tDynamic } from '../i18n/i18n';
import { api } from '../shared/api';
import { showError } from '../shared/banner';
import { h, mount } from '../shared/dom';
import { dataTable } from '../shared/table';
import type { Organisation } from '../shared/types';

/** AE titles as typed: separated by commas, spaces or new lines. */
export function parseAeTitles(text: string): string[] {
  return text.split(/[\s,;]+/).map((s) => s.trim()).filter((s) => s.length > 0);
}

export function organisationsPanel(
  initial: Promise<Organisation[]>,
  onChanged: (orgs: Organisation[]) => void,
): HTMLElement {
  const list = h('div', null, h('p', { class: 'muted' }, t('common.loading')));
  const name = h('input', { id: 'org-name', type: 'text', required: true, maxlength: 200, autocomplete: 'off', 'data-testid': 'org-name' });
  const kind = h(
    'select',
    { id: 'org-kind', 'data-testid': 'org-kind' },
    ['REGIONAL_CLINIC', 'REFERENCE_CENTRE'].map((k) => h('option', { value: k }, tDynamic(`orgKind.${k}`, k))),
  );
  const aeTitles = h('input', { id: 'org-ae-titles', type: 'text', autocomplete: 'off', 'data-testid': 'org-ae-titles', placeholder: 'EAST_CT, EAST_PACS' });
  const network = h('input', { id: 'org-network', type: 'checkbox', checked: true, 'data-testid': 'org-network' });
  const heading = h('h3', { 'data-testid': 'org-form-heading' }, t('org.new'));
  const save = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'org-save' }, t('org.save'));
  const cancel = h('button', { type: 'button', class: 'button', hidden: true, 'data-testid': 'org-cancel' }, t('org.cancelEdit'));
  const status = h('p', { class: 'hint', role: 'status', 'data-testid': 'org-status' });
  let editing: Organisation | null = null;

  const form = h(
    'form',
    { class: 'org-form', 'data-testid': 'org-form' },
    heading,
    h('div', { class: 'field' }, h('label', { for: name.id }, t('org.name')), name),
    h('div', { class: 'field' }, h('label', { for: kind.id }, t('org.kind')), kind),
    h('div', { class: 'field' }, h('label', { for: aeTitles.id }, t('org.aeTitles')), aeTitles, h('p', { class: 'hint' }, t('org.aeHint'))),
    h('div', { class: 'field' }, h('label', null, network, ' ', t('org.network'))),
    h('div', { class: 'card-actions' }, save, cancel),
    status,
  );

  const reset = () => {
    editing = null;
    heading.textContent = t('org.new');
    name.value = '';
    aeTitles.value = '';
    kind.disabled = false;
    network.checked = true;
    cancel.hidden = true;
  };
  const edit = (o: Organisation) => {
    editing = o;
    heading.textContent = t('org.edit', { name: o.name });
    name.value = o.name;
    kind.value = o.kind;
    kind.disabled = true; // the kind stays: its users' roles depend on it
    aeTitles.value = o.aeTitles.join(', ');
    network.checked = o.dicomNetworkEnabled !== false;
    cancel.hidden = false;
    name.focus();
  };
  const render = (orgs: Organisation[]) => {
    onChanged(orgs);
    mount(
      list,
      dataTable(
        t('admin.organisations'),
        [
          { header: t('admin.col.name'), cell: (o) => o.name },
          { header: t('admin.col.kind'), cell: (o) => tDynamic(`orgKind.${o.kind}`, o.kind) },
          { header: t('admin.col.aeTitles'), cell: (o) => (o.aeTitles.length ? o.aeTitles.map((a) => h('code', { class: 'ae' }, a)) : '—') },
          { header: t('org.col.network'), cell: (o) => (o.dicomNetworkEnabled !== false ? t('common.yes') : t('common.no')) },
          {
            header: t('org.col.actions'),
            cell: (o) => h('button', { type: 'button', class: 'button button-small', 'data-testid': 'org-edit', onclick: () => edit(o) }, t('org.editButton')),
          },
        ],
        orgs,
        'organisations-table',
      ),
    );
  };
  const reload = async () => {
    try {
      render(await api.organisations());
    } catch (error) {
      showError(error);
    }
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    save.disabled = true;
    status.textContent = '';
    const body = { name: name.value.trim(), aeTitles: parseAeTitles(aeTitles.value), dicomNetworkEnabled: network.checked };
    try {
      const saved = editing
        ? await api.changeOrganisation(editing.id, body)
        : await api.createOrganisation({ ...body, kind: kind.value });
      status.textContent = t('org.saved', { name: saved.name });
      reset();
      await reload();
    } catch (error) {
      showError(error);
    } finally {
      save.disabled = false;
    }
  });
  cancel.addEventListener('click', reset);

  initial.then(render).catch((error) => {
    showError(error);
    mount(list, h('p', { class: 'empty-state' }, t('common.loadFailed')));
  });
  return h('div', { 'data-testid': 'organisations' }, list, form);
}
