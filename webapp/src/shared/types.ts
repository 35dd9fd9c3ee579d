// Data shapes of the server's JSON API (see docs/webapp.md for the contract).

export type Role = 'DOCTOR' | 'CONSULTANT' | 'EXPERT' | 'ADMIN';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organisationId: string;
  organisationName: string;
}

export type CaseState = 'SUBMITTED' | 'CLAIMED' | 'DECLINED' | 'ANSWERED' | 'FULL_STUDY_REQUESTED' | 'CANCELLED';

export type TriageCommand =
  | 'CLAIM'
  | 'RELEASE'
  | 'REASSIGN'
  | 'DECLINE'
  | 'ANSWER'
  | 'REQUEST_FULL_STUDY'
  | 'CANCEL'
  | 'POST_MESSAGE';

/** Clinical data of a case; every field is optional (the server omits empty ones). */
export interface Clinical {
  temperatureC?: number;
  respiratoryRate?: number;
  spo2?: number;
  pao2Fio2?: number;
  daysSinceOnset?: number;
  symptoms?: string[];
  pcr?: string;
  epidemiologicalContact?: boolean;
}

/** A case as the server shows it; null fields are omitted from the JSON. */
export interface Case {
  id: string;
  organisationId: string;
  organisationName: string;
  question: string;
  modality: string;
  bodyPart: string;
  /** One of CaseState; typed loosely so that later (stage II) states still render. */
  state: string;
  createdAt: string;
  createdBy: string;
  claimedByUserId?: string;
  claimedBy?: string;
  claimedAt?: string;
  declineReason?: string;
  decision?: string;
  decidedAt?: string;
  decidedBy?: string;
  allowedCommands?: TriageCommand[];
  clinical?: Clinical;
  triageDeadline?: string;
  overdue?: boolean;
}

export interface NewCase {
  question: string;
  modality: string;
  bodyPart: string;
  clinical?: Clinical;
  /** Sanitised previews uploaded before, attached to the new case. */
  previewIds?: string[];
  phiAcknowledged?: boolean;
}

export interface CaseMessage {
  id: string;
  caseId: string;
  author: string;
  authorRole: string;
  text: string;
  postedAt: string;
  /** A sanitised image posted with the message (chat image or the AI's heat map). */
  attachmentPreviewId?: string | null;
  /** A note of stage II: the delivered report (or addendum) it announces. */
  reportId?: string | null;
}

/** A sanitised preview or chat image, with the anonymiser's report (JSON text). */
export interface Preview {
  id: string;
  caseId?: string | null;
  kind: string;
  mediaType: string;
  sizeBytes: number;
  report: string;
}

export interface HistoryEntry {
  at: string;
  actor?: string;
  action: string;
  state?: string;
  detail?: string;
}

export interface Shift {
  id: string;
  consultantUserId: string;
  consultant: string;
  startsAt: string;
  endsAt: string;
  onDutyNow: boolean;
}

export interface PhiFinding {
  field: string;
  kind: string;
  start: number;
  end: number;
}

export interface Organisation {
  id: string;
  name: string;
  kind: 'REFERENCE_CENTRE' | 'REGIONAL_CLINIC' | string;
  aeTitles: string[];
  /** Upload setting: may its AE titles send over the DICOM network (C-STORE)? */
  dicomNetworkEnabled?: boolean;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  enabled: boolean;
}

export interface AuditRecord {
  sequence: number;
  at: string;
  // the server leaves out fields that are null
  actor?: string | null;
  organisationId?: string | null;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  outcome: string;
}

/** One upload in the anonymisation audit; `report` only in the detail. */
/** One full-study upload (upload session) in the anonymisation audit. */
export interface AnonymisationUpload {
  uploadRef: string;
  caseId: string | null;
  organisationId: string;
  senders: string[];
  channels: string[];
  firstAt: string;
  lastAt: string;
  instances: number;
  sizeBytes: number;
  outcomes: Record<string, number>;
}

export interface AnonymisationRecord {
  id: string;
  objectKind: string;
  channel: string;
  objectRef?: string | null;
  caseId?: string | null;
  organisationId: string;
  actor: string;
  receivedAt: string;
  mediaKind?: string | null;
  sizeBytes: number;
  outcome: string;
  reasonCode?: string | null;
  reason?: string | null;
  verifiedAt?: string | null;
  verifiedPassed?: boolean | null;
  verifiedSummary?: string | null;
  report?: unknown;
}

/** A case's full-study upload session, with live counts and refusals. */
export interface UploadSession {
  id: string;
  caseId: string;
  state: 'OPEN' | 'RECEIVING' | 'COMPLETE';
  stored: number;
  duplicates: number;
  conflicts: number;
  rejected: number;
  storedBytes: number;
  channels: string;
  completedAt?: string | null;
  studies: { studyInstanceUid: string; seriesCount: number; instanceCount: number }[];
  rejections: { status: string; reasonCode: string; reason: string; channel: string; at: string }[];
}

/** Volumes and technological defects of one AI model over a period. */
export interface AiModelQuality {
  modelId: string;
  modelVersion?: string | null;
  runs: number;
  completed: number;
  notAnalysable: number;
  defects: Record<string, number>;
  late: number;
  defectTotal: number;
  medianMillis: number;
}

/** ROC analysis of one model at one stage against the doctors' decisions. */
export interface AiAccuracy {
  modelId: string;
  stage: string;
  positives: number;
  negatives: number;
  auc?: number | null;
  ciLow?: number | null;
  ciHigh?: number | null;
  curve: { falsePositiveRate: number; truePositiveRate: number; threshold?: number | null }[];
  note?: string | null;
}

export interface AiQuality {
  from: string;
  to: string;
  lateAfterMillis: number;
  models: AiModelQuality[];
  accuracy: AiAccuracy[];
  label: string;
}

export interface ChainVerification {
  intact: boolean;
  checked: number;
  firstBadSequence?: number | null;
  problem?: string | null;
}

export interface ApiErrorBody {
  status: number;
  error: string;
  message: string;
  /** 409 illegal_transition */
  currentState?: string;
  allowedCommands?: TriageCommand[];
  /** 422 possible_phi */
  findings?: PhiFinding[];
}

/** Times in minutes: summary figures and a histogram in steps of the triage limit. */
export interface WorkloadTimes {
  count: number;
  medianMinutes?: number | null;
  p90Minutes?: number | null;
  maxMinutes?: number | null;
  withinLimit: number;
  overLimit: number;
  histogram: { fromMinutes: number; toMinutes?: number | null; count: number }[];
}

export interface WorkloadOutcomes {
  submitted: number;
  declined: number;
  answered: number;
  fullStudy: number;
  cancelled: number;
  overdueBreaches: number;
}

/** The admin's workload dashboard for one period (GET api/admin/workload). */
export interface Workload {
  from: string;
  to: string;
  generatedAt: string;
  triageLimitMinutes: number;
  truncated: boolean;
  totals: WorkloadOutcomes & { open: number; decided: number; fullStudyShare?: number | null };
  byState: Record<string, number>;
  periods: (WorkloadOutcomes & { day: string })[];
  organisations: (WorkloadOutcomes & { organisationId: string; name: string; fullStudyShare?: number | null })[];
  timeToClaim: WorkloadTimes;
  timeToDecision: WorkloadTimes;
  consultants: {
    name: string;
    holding: number;
    decided: number;
    declined: number;
    answered: number;
    fullStudy: number;
    medianDecisionMinutes?: number | null;
  }[];
  stageTwo: {
    available: boolean;
    received: number;
    signedReports: number;
    delivered: number;
    open: number;
    breaches: number;
    medianHoursToSignedReport?: number | null;
    timeToSigned: StageTwoTimes;
    timeToDelivery: StageTwoTimes;
    deliveredWithinLimit: number;
    overLimit: number;
    secondReads: number;
    secondReadAgreement?: number | null;
    truncated: boolean;
    limitMinutes: Record<string, number>;
    /** `reports`: versions signed in the period. */
    experts: { name: string; reports: number; secondReads: number; holding: number }[];
  };
}

/** Stage II times in minutes (null when there is none). */
export interface StageTwoTimes {
  count: number;
  medianMinutes?: number | null;
  p90Minutes?: number | null;
  maxMinutes?: number | null;
}
