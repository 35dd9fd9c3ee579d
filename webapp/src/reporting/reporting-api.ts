// Stage II reporting: the expert worklist and the report with its commands (server: /api/reporting).
import { requestJson } from '../shared/api';

export interface WorklistItem {
  reportId: string;
  caseId: string;
  studyInstanceUid: string;
  organisationName: string | null;
  question: string | null;
  clinicalSummary: string | null;
  aiSummary: string | null;
  aiClass: string | null;
  priority: 'URGENT' | 'ROUTINE';
  caseType: 'CHEST_CT' | 'OTHER';
  seriesCount: number;
  instanceCount: number;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  breachedAt: string | null;
  state: ReportState;
  holderUserId: string | null;
  holderName: string | null;
}

export type ReportState = 'WAITING' | 'IN_REPORTING' | 'AWAITING_SECOND_READ' | 'DELIVERED';

export interface Worklist {
  now: string;
  breaches: number;
  items: WorklistItem[];
}

export interface Draft {
  groundGlass: boolean;
  consolidation: boolean;
  crazyPaving: boolean;
  reticular: boolean;
  hydrothorax: boolean;
  hydrothoraxSide: 'LEFT' | 'RIGHT' | 'BILATERAL' | null;
  bilateral: boolean;
  lowerLobe: boolean;
  peripheral: boolean;
  perivascular: boolean;
  involvementRightPct: number | null;
  involvementLeftPct: number | null;
  involvementTotalPct: number | null;
  dynamics: 'NO_PREVIOUS' | 'IMPROVED' | 'STABLE' | 'WORSE' | null;
  previousTotalPct: number | null;
  hoursSincePrevious: number | null;
  shock: boolean;
  multipleOrganFailure: boolean;
  respiratoryFailure: boolean;
  otherCauseKnown: boolean;
  ctClass: string | null;
  disagreementComment: string | null;
  conclusion: string | null;
  recommendations: string | null;
}

export interface AppliedThreshold {
  id: string;
  row: string;
  kind: 'imaging' | 'clinical';
  en: string;
  ru: string;
}

export interface Routing {
  ctClass: string;
  nameEn: string;
  nameRu: string;
  en: string;
  ru: string;
}

export interface Version {
  number: number;
  kind: 'REPORT' | 'ADDENDUM';
  content: Draft | null;
  addendumText: string | null;
  proposedClass: string | null;
  aiClass: string | null;
  disagreesWithProposal: boolean;
  disagreesWithAi: boolean;
  signedByName: string;
  signedAt: string;
  secondReaderName: string | null;
  secondReadAt: string | null;
  secondReadAgrees: boolean | null;
  secondReadComment: string | null;
  routing: Routing | null;
}

export interface ReportView {
  item: WorklistItem;
  daysSinceOnset: number | null;
  pcr: string | null;
  draft?: Draft | null;
  proposal?: { proposed: string; imagingClass: string; clinicalClass: string | null; applied: AppliedThreshold[] } | null;
  proposedRouting?: Routing | null;
  chosenRouting?: Routing | null;
  confirmedCase?: { confirmed: boolean; missing: string[] } | null;
  versions: Version[];
  history: { at: string; actorName: string; action: string; state: string; detail: string | null }[];
  allowedCommands: string[];
  deliveredAt: string | null;
}

/**
 * Does {@code next} show nothing new against {@code shown}: same state, holder, draft, history and commands?
 * The page then keeps what it shows, so that what the expert has typed into the form since is not wiped when
 * an own command's answer and the live channel's reload of the same change arrive one after the other.
 */
export function sameReport(shown: ReportView, next: ReportView): boolean {
  const key = (v: ReportView) => JSON.stringify([v.item.state, v.item.holderUserId, v.draft ?? null, v.versions.length,
    v.history.length, v.allowedCommands, v.deliveredAt]);
  return key(shown) === key(next);
}

const enc = encodeURIComponent;
const base = (id: string) => `api/reporting/reports/${enc(id)}`;

export const reportingApi = {
  worklist: () => requestJson<Worklist>('GET', 'api/reporting/worklist'),
  delivered: (caseId: string) => requestJson<WorklistItem[]>('GET', `api/reporting/delivered?caseId=${enc(caseId)}`),
  report: (id: string) => requestJson<ReportView>('GET', base(id)),
  claim: (id: string) => requestJson<ReportView>('POST', `${base(id)}/claim`),
  release: (id: string) => requestJson<ReportView>('POST', `${base(id)}/release`),
  saveDraft: (id: string, draft: Draft) => requestJson<ReportView>('PUT', `${base(id)}/draft`, draft),
  sign: (id: string) => requestJson<ReportView>('POST', `${base(id)}/sign`),
  secondRead: (id: string, agree: boolean, comment: string) =>
    requestJson<ReportView>('POST', `${base(id)}/second-read`, { agree, comment }),
  addendum: (id: string, text: string) => requestJson<ReportView>('POST', `${base(id)}/addenda`, { text }),
  pdfHref: (id: string, lang: string) => `${base(id)}/pdf?lang=${enc(lang)}`,
  srHref: (id: string) => `${base(id)}/sr`,
};

export const CT_CLASSES = ['CT0', 'CT1', 'CT2', 'CT3', 'CT4'];

/** "1:02:03" until the due time, "-0:05:00" past it. */
export function countdown(dueAt: string, now = Date.now()): string {
  const ms = Date.parse(dueAt) - now;
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${ms < 0 ? '-' : ''}${hours}:${two(minutes)}:${two(seconds)}`;
}
