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

export interface Case {
  id: string;
  organisationId: string;
  organisationName: string;
  question: string;
  modality: string;
  bodyPart: string;
  state: string;
  createdAt: string;
  createdBy: string;
}

export interface NewCase {
  question: string;
  modality: string;
  bodyPart: string;
}

export interface Organisation {
  id: string;
  name: string;
  kind: 'REFERENCE_CENTRE' | 'REGIONAL_CLINIC' | string;
  aeTitles: string[];
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
}
