// The regional doctor's form for a new consultation request.
import { t } from '../i18n/i18n';
import { api } from '../shared/api';
import { clearBanner, showError } from '../shared/banner';
import { h } from '../shared/dom';
import type { Case } from '../shared/types';
import { BODY_PARTS, MODALITIES, QUESTION_MAX_LENGTH } from './vocab';

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
    h('div', { class: 'form-actions' }, submit, status),
  );

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
    submit.disabled = true;
    try {
      const created = await api.createCase({ question: text, modality: modality.value, bodyPart: bodyPart.value });
      question.value = '';
      status.textContent = t('caseForm.created');
      onCreated(created);
    } catch (error) {
      showError(error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
