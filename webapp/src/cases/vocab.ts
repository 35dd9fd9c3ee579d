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

export const QUESTION_MAX_LENGTH = 2000;
