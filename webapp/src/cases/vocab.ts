// Values the server accepts for a new case, with the message keys of their labels.
import type { MessageKey } from '../i18n/i18n';

export const MODALITIES: readonly { value: string; label: MessageKey }[] = [
  { value: 'CT', label: 'modality.CT' },
  { value: 'CR', label: 'modality.CR' },
  { value: 'MR', label: 'modality.MR' },
  { value: 'US', label: 'modality.US' },
  { value: 'OTHER', label: 'modality.OTHER' },
];

export const BODY_PARTS: readonly { value: string; label: MessageKey }[] = [
  { value: 'CHEST', label: 'bodyPart.CHEST' },
  { value: 'OTHER', label: 'bodyPart.OTHER' },
];

export const QUESTION_MAX_LENGTH = 4000;

export const TEXT_MAX_LENGTH = 4000;

/** Reasons a consultant gives when the case is not consistent with viral pneumonia. */
export const DECLINE_REASONS = ['BACTERIAL_PNEUMONIA', 'ONCOLOGY', 'OTHER_NOT_VIRAL_PNEUMONIA', 'INSUFFICIENT_DATA'] as const;

export const SYMPTOMS = ['COUGH', 'SHORTNESS_OF_BREATH', 'CATARRHAL', 'WEAKNESS', 'HEADACHE', 'ANOSMIA', 'DIARRHOEA'] as const;

export const PCR_RESULTS = ['POSITIVE', 'NEGATIVE', 'PENDING', 'NOT_DONE'] as const;
