// The only place that talks HTTP to the server. Same origin, session cookie, JSON.
// Every failure becomes an ApiError (server answered 4xx/5xx, with its `message`)
// or a NetworkError (server unreachable). A 401 anywhere signs the user out.
import type {
  AiQuality,
  AnonymisationRecord,
  AnonymisationUpload,
  ApiErrorBody,
  UploadSession,
  AuditRecord,
  Case,
  CaseMessage,
  ChainVerification,
  CurrentUser,
  HistoryEntry,
  NewCase,
  Organisation,
  PhiFinding,
  Preview,
  Shift,
  User,
  Workload,
} from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole error body (409 carries currentState/allowedCommands, 422 findings). */
    readonly body: Partial<ApiErrorBody> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'NetworkError';
  }
}

type UnauthorizedHandler = (path: string) => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** Called on any 401 except from the login request itself. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

/**
 * Paths are relative ('api/...'): they resolve against the page's own URL, so the app also
 * works when the server deploys it under a context path (e.g. an Arquillian test deployment).
 */
async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (e) {
    throw new NetworkError(e);
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const error = await errorOf(response);
  if (response.status === 401 && path !== 'api/auth/login') onUnauthorized(path);
  throw error;
}

/** A binary or DICOM JSON answer (DICOMweb): the Content-Type and the bytes. */
export interface RawResponse {
  contentType: string;
  bytes: Uint8Array;
}

/**
 * GET with a given Accept header, the body as bytes (DICOMweb: DICOM JSON, multipart/related
 * frames). Errors as for JSON requests; a 204 answers no bytes (QIDO: nothing matched).
 */
async function requestRaw(path: string, accept: string, signal?: AbortSignal): Promise<RawResponse> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'GET', credentials: 'same-origin', headers: { Accept: accept }, signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new NetworkError(e);
  }
  if (response.ok) {
    const bytes = response.status === 204 ? new Uint8Array(0) : new Uint8Array(await response.arrayBuffer());
    return { contentType: response.headers.get('Content-Type') ?? '', bytes };
  }
  const error = await errorOf(response);
  if (response.status === 401) onUnauthorized(path);
  throw error;
}

async function errorOf(response: Response): Promise<ApiError> {
  let code = 'http_' + response.status;
  let message = '';
  let body: Partial<ApiErrorBody> = {};
  try {
    const parsed = (await response.json()) as unknown;
    if (parsed && typeof parsed === 'object') body = parsed as Partial<ApiErrorBody>;
    if (typeof body.error === 'string') code = body.error;
    if (typeof body.message === 'string') message = body.message;
  } catch {
    /* not JSON (e.g. a proxy's HTML page) */
  }
  return new ApiError(response.status, code, message || `${response.status} ${response.statusText}`.trim(), body);
}

/** JSON request for feature modules that keep their own endpoint lists (reporting). */
export function requestJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  return request<T>(method, path, body);
}

const enc = encodeURIComponent;

export const api = {
  login: (username: string, password: string) =>
    request<CurrentUser>('POST', 'api/auth/login', { username, password }),
  logout: () => request<void>('POST', 'api/auth/logout'),
  me: () => request<CurrentUser>('GET', 'api/auth/me'),

  cases: () => request<Case[]>('GET', 'api/cases'),
  createCase: (c: NewCase) => request<Case>('POST', 'api/cases', c),
  getCase: (id: string) => request<Case>('GET', `api/cases/${enc(id)}`),
  claim: (id: string) => request<Case>('POST', `api/cases/${enc(id)}/claim`),
  release: (id: string) => request<Case>('POST', `api/cases/${enc(id)}/release`),
  reassign: (id: string, consultantUserId: string) =>
    request<Case>('POST', `api/cases/${enc(id)}/reassign`, { consultantUserId }),
  decline: (id: string, reason: string, advice: string) =>
    request<Case>('POST', `api/cases/${enc(id)}/decline`, { reason, advice }),
  answer: (id: string, text: string) => request<Case>('POST', `api/cases/${enc(id)}/answer`, { text }),
  requestFullStudy: (id: string, text: string) =>
    request<Case>('POST', `api/cases/${enc(id)}/request-full-study`, { text }),
  cancel: (id: string) => request<Case>('POST', `api/cases/${enc(id)}/cancel`),
  messages: (id: string) => request<CaseMessage[]>('GET', `api/cases/${enc(id)}/messages`),
  postMessage: (id: string, text: string, phiAcknowledged = false, attachmentPreviewId?: string) =>
    request<CaseMessage>('POST', `api/cases/${enc(id)}/messages`, {
      text,
      ...(phiAcknowledged ? { phiAcknowledged } : {}),
      ...(attachmentPreviewId ? { attachmentPreviewId } : {}),
    }),
  casePreviews: (id: string) => request<Preview[]>('GET', `api/cases/${enc(id)}/previews`),
  history: (id: string) => request<HistoryEntry[]>('GET', `api/cases/${enc(id)}/history`),
  phiCheck: (fields: Record<string, string>) =>
    request<{ findings: PhiFinding[] }>('POST', 'api/phi-check', { fields }),

  roster: () => request<Shift[]>('GET', 'api/roster'),
  addShift: (consultantUserId: string, startsAt: string, endsAt: string) =>
    request<Shift>('POST', 'api/roster', { consultantUserId, startsAt, endsAt }),
  deleteShift: (id: string) => request<void>('DELETE', `api/roster/${enc(id)}`),

  organisations: () => request<Organisation[]>('GET', 'api/admin/organisations'),
  createOrganisation: (o: { name: string; kind: string; aeTitles: string[]; dicomNetworkEnabled: boolean }) =>
    request<Organisation>('POST', 'api/admin/organisations', o),
  changeOrganisation: (id: string, o: { name: string; aeTitles: string[]; dicomNetworkEnabled: boolean }) =>
    request<Organisation>('PUT', `api/admin/organisations/${enc(id)}`, o),
  users: () => request<User[]>('GET', 'api/admin/users'),
  createUser: (u: { username: string; displayName: string; role: string; organisationId: string; password: string }) =>
    request<User>('POST', 'api/admin/users', u),
  changeRole: (id: string, role: string) => request<User>('PUT', `api/admin/users/${enc(id)}/role`, { role }),
  resetPassword: (id: string, password: string) =>
    request<User>('POST', `api/admin/users/${enc(id)}/password`, { password }),
  disableUser: (id: string) => request<User>('POST', `api/admin/users/${enc(id)}/disable`),
  enableUser: (id: string) => request<User>('POST', `api/admin/users/${enc(id)}/enable`),
  audit: (limit = 50, filter: Record<string, string> = {}) => {
    const query = new URLSearchParams({ limit: String(limit) });
    for (const [k, v] of Object.entries(filter)) if (v) query.set(k, v);
    return request<AuditRecord[]>('GET', `api/admin/audit?${query}`);
  },
  uploadSession: (caseId: string) => request<UploadSession>('GET', `api/upload-sessions/by-case/${enc(caseId)}`),
  completeUpload: (sessionId: string) => request<UploadSession>('POST', `api/upload-sessions/${enc(sessionId)}/complete`),
  anonymisation: (query: string) => request<AnonymisationRecord[]>('GET', `api/admin/anonymisation?${query}`),
  anonymisationUploads: (query: string) => request<AnonymisationUpload[]>('GET', `api/admin/anonymisation/uploads?${query}`),
  anonymisationRecord: (id: string) => request<AnonymisationRecord>('GET', `api/admin/anonymisation/${enc(id)}`),
  reverify: (id: string) =>
    request<{ passed: boolean; method: string; findings: string[]; at: string }>('POST', `api/admin/anonymisation/${enc(id)}/verify`),
  aiQuality: (from: string, to: string) =>
    request<AiQuality>('GET', `api/admin/ai-quality?from=${enc(from)}&to=${enc(to)}`),
  workload: (from: string, to: string) =>
    request<Workload>('GET', `api/admin/workload?from=${enc(from)}&to=${enc(to)}`),
  verifyAudit: () => request<ChainVerification>('POST', 'api/admin/audit/verify'),

  /** DICOMweb (PS3.18) of the product, relative like everything else: 'api/dicomweb/...'. */
  dicomweb: (path: string, accept: string, signal?: AbortSignal) => requestRaw(`api/dicomweb/${path}`, accept, signal),
};

/** Where a page shows a preview from: stills rendered by the server (DICOM as PNG), videos as stored. */
export const previewUrls = {
  content: (id: string) => `api/previews/${enc(id)}/content`,
  rendered: (id: string) => `api/previews/${enc(id)}/rendered`,
};

/**
 * Sends one file as a preview (or chat image) with upload progress, which fetch cannot report.
 * The server sanitises it and answers with what it kept; a refusal becomes an ApiError.
 */
export function uploadPreview(file: File, onProgress: (loaded: number, total: number) => void): { done: Promise<Preview>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Preview>((resolve, reject) => {
    xhr.open('POST', 'api/previews');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    // the server never keeps the name (it is often the patient's); it only helps detection messages
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new NetworkError('upload failed'));
    xhr.onabort = () => reject(new NetworkError('upload cancelled'));
    xhr.onload = () => {
      let body: Partial<ApiErrorBody> & Partial<Preview> & { code?: string } = {};
      try {
        body = JSON.parse(xhr.responseText || '{}');
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(file.size, file.size);
        resolve(body as Preview);
        return;
      }
      if (xhr.status === 401) onUnauthorized('api/previews');
      const code = typeof body.code === 'string' ? body.code : typeof body.error === 'string' ? body.error : `http_${xhr.status}`;
      reject(new ApiError(xhr.status, code, typeof body.message === 'string' ? body.message : `${xhr.status}`, body));
    };
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

