// The regional doctor's form for a new consultation request: the question, modality and body
// part, and the clinical data the severity table needs (all optional). Free text goes through
// the PHI warning before it is posted.
import { t, tDynamic, type MessageKey } from '../i18n/i18n';
import { api } from '../shared/api';
import { clearBanner, showError } from '../shared/banner';
import { h, mount } from '../shared/dom';
import { sendWithPhiCheck } from '../shared/phi-warning';
import type { Case, Clinical } from '../shared/types';
import { previewPicker } from './preview-picker';
import { BODY_PARTS, MODALITIES, PCR_RESULTS, QUESTION_MAX_LENGTH, SYMPTOMS } from './vocab';

interface NumberField {
  key: keyof Pick<Clinical, 'temperatureC' | 'respiratoryRate' | 'spo2' | 'pao2Fio2' | 'daysSinceOnset'>;
  id: string;
  label: MessageKey;
  min: number;
  max: number;
  step: string;
  integer: boolean;
  placeholder?: string;
}

const NUMBER_FIELDS: readonly NumberField[] = [
  { key: 'temperatureC', id: 'clinical-temperature', label: 'caseForm.temperature', min: 30, max: 45, step: '0.1', integer: false, placeholder: '36.6' },
  { key: 'respiratoryRate', id: 'clinical-respiratory-rate', label: 'caseForm.respiratoryRate', min: 0, max: 80, step: '1', integer: true },
  { key: 'spo2', id: 'clinical-spo2', label: 'caseForm.spo2', min: 50, max: 100, step: '1', integer: true },
  { key: 'pao2Fio2', id: 'clinical-pao2-fio2', label: 'caseForm.pao2Fio2', min: 20, max: 700, step: '1', integer: true },
  { key: 'daysSinceOnset', id: 'clinical-days', label: 'caseForm.daysSinceOnset', min: 0, max: 365, step: '1', integer: true },
];

export function caseForm(onCreated: (c: Case) => void): HTMLElement {
  const question = h('textarea', {
    id: 'case-question',
    name: 'question',
    rows: '5',
    maxlength: String(QUESTION_MAX_LENGTH),
    required: true,
    'aria-describedby': 'case-question-hint case-question-error',
    placeholder: t('caseForm.questionPlaceholder'),
  });
  const questionError = h('p', { id: 'case-question-error', class: 'field-error', hidden: true });
  const modality = h(
    'select',
    { id: 'case-modality', name: 'modality' },
    MODALITIES.map((m) => h('option', { value: m.value }, t(m.label))),
  );
  const bodyPart = h(
    'select',
    { id: 'case-body-part', name: 'bodyPart' },
    BODY_PARTS.map((b) => h('option', { value: b.value }, t(b.label))),
  );

  // ---- clinical data ----
  const numbers = NUMBER_FIELDS.map((f) => ({
    field: f,
    input: h('input', {
      id: f.id,
      name: f.key,
      type: 'number',
      inputmode: f.integer ? 'numeric' : 'decimal',
      min: String(f.min),
      max: String(f.max),
      step: f.step,
      placeholder: f.placeholder,
    }),
  }));
  const symptoms = SYMPTOMS.map((s) => ({
    value: s,
    input: h('input', { type: 'checkbox', id: `symptom-${s}`, name: 'symptoms', value: s }),
  }));
  const pcr = h(
    'select',
    { id: 'clinical-pcr', name: 'pcr' },
    h('option', { value: '' }, t('caseForm.notStated')),
    PCR_RESULTS.map((p) => h('option', { value: p }, tDynamic(`pcr.${p}`, p))),
  );
  const contact = h(
    'select',
    { id: 'clinical-contact', name: 'epidemiologicalContact' },
    h('option', { value: '' }, t('caseForm.contactUnknown')),
    h('option', { value: 'true' }, t('common.yes')),
    h('option', { value: 'false' }, t('common.no')),
  );
  const clinicalError = h('p', { class: 'field-error', hidden: true, 'data-testid': 'clinical-error' });

  const previews = previewPicker({ id: 'case-previews', multiple: true, label: t('preview.dropLabel'), hint: t('preview.dropHint') });
  const previewError = h('p', { class: 'field-error', hidden: true, 'data-testid': 'preview-error' });

  const phiRegion = h('div', { class: 'phi-region' });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, t('caseForm.submit'));
  const status = h('p', { class: 'form-status', role: 'status', 'data-testid': 'case-form-status' });

  const form = h(
    'form',
    { class: 'form', 'aria-labelledby': 'case-form-heading', novalidate: true, 'data-testid': 'case-form' },
    h(
      'div',
      { class: 'field' },
      h('label', { for: question.id }, t('caseForm.question')),
      question,
      h('p', { id: 'case-question-hint', class: 'hint' }, t('caseForm.questionHint')),
      questionError,
    ),
    h(
      'div',
      { class: 'field-row' },
      h('div', { class: 'field' }, h('label', { for: modality.id }, t('caseForm.modality')), modality),
      h('div', { class: 'field' }, h('label', { for: bodyPart.id }, t('caseForm.bodyPart')), bodyPart),
    ),
    h(
      'fieldset',
      { class: 'fieldset', 'data-testid': 'clinical-fields' },
      h('legend', null, t('caseForm.clinicalHeading')),
      h('p', { class: 'hint' }, t('caseForm.clinicalHint')),
      h(
        'div',
        { class: 'number-grid' },
        numbers.map(({ field, input }) => h('div', { class: 'field' }, h('label', { for: field.id }, t(field.label)), input)),
      ),
      h(
        'fieldset',
        { class: 'fieldset-inner' },
        h('legend', null, t('caseForm.symptoms')),
        h(
          'div',
          { class: 'checkbox-grid' },
          symptoms.map(({ value, input }) =>
            h('label', { class: 'checkbox', for: input.id }, input, ' ', tDynamic(`symptom.${value}`, value)),
          ),
        ),
      ),
      h(
        'div',
        { class: 'field-row field-row-even' },
        h('div', { class: 'field' }, h('label', { for: pcr.id }, t('caseForm.pcr')), pcr),
        h('div', { class: 'field' }, h('label', { for: contact.id }, t('caseForm.contact')), contact),
      ),
      clinicalError,
    ),
    h('fieldset', { class: 'fieldset' }, h('legend', null, t('preview.heading')), previews.element, previewError),
    phiRegion,
    h('div', { class: 'form-actions' }, submit, status),
  );

  // a warning is about the text as it was: editing it withdraws the warning
  question.addEventListener('input', () => mount(phiRegion));

  /** The clinical data entered, or an error key for the first invalid number. */
  const readClinical = (): { clinical?: Clinical; invalid?: HTMLInputElement } => {
    const clinical: Clinical = {};
    for (const { field, input } of numbers) {
      input.removeAttribute('aria-invalid');
      const raw = input.value.trim().replace(',', '.');
      if (raw === '') {
        if (input.validity.badInput) return { invalid: input };
        continue;
      }
      const value = Number(raw);
      if (!Number.isFinite(value) || value < field.min || value > field.max || (field.integer && !Number.isInteger(value))) {
        return { invalid: input };
      }
      clinical[field.key] = value;
    }
    const checked = symptoms.filter((s) => s.input.checked).map((s) => s.value);
    if (checked.length > 0) clinical.symptoms = checked;
    if (pcr.value) clinical.pcr = pcr.value;
    if (contact.value) clinical.epidemiologicalContact = contact.value === 'true';
    return Object.keys(clinical).length > 0 ? { clinical } : {};
  };

  const reset = () => {
    question.value = '';
    for (const { input } of numbers) input.value = '';
    for (const { input } of symptoms) input.checked = false;
    pcr.value = '';
    contact.value = '';
    previews.reset();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearBanner();
    status.textContent = '';
    const text = question.value.trim();
    if (!text) {
      questionError.textContent = t('caseForm.questionRequired');
      questionError.hidden = false;
      question.setAttribute('aria-invalid', 'true');
      question.focus();
      return;
    }
    questionError.hidden = true;
    question.removeAttribute('aria-invalid');
    const { clinical, invalid } = readClinical();
    if (invalid) {
      const field = numbers.find((n) => n.input === invalid)!.field;
      clinicalError.textContent = t('caseForm.numberInvalid', { field: t(field.label), min: field.min, max: field.max });
      clinicalError.hidden = false;
      invalid.setAttribute('aria-invalid', 'true');
      invalid.focus();
      return;
    }
    clinicalError.hidden = true;
    const previewProblem = previews.busy() ? 'preview.stillUploading' : !previews.confirmed() ? 'preview.confirmRequired' : null;
    if (previewProblem) {
      previewError.textContent = t(previewProblem);
      previewError.hidden = false;
      return;
    }
    previewError.hidden = true;
    const previewIds = previews.previewIds();
    submit.disabled = true;
    await sendWithPhiCheck({
      region: phiRegion,
      fields: () => ({ question: text }),
      label: (field) => (field === 'question' ? t('caseForm.question') : field),
      focus: () => question.focus(),
      send: async (acknowledged) => {
        const created = await api.createCase({
          question: text,
          modality: modality.value,
          bodyPart: bodyPart.value,
          ...(clinical ? { clinical } : {}),
          ...(previewIds.length > 0 ? { previewIds } : {}),
          ...(acknowledged ? { phiAcknowledged: true } : {}),
        });
        reset();
        status.textContent = t('caseForm.created');
        onCreated(created);
      },
      onError: showError,
    });
    submit.disabled = false;
  });
  return form;
}
