// Who is signed in. The server's session cookie is the truth; this is the browser's copy.
import type { CurrentUser } from '../shared/types';

let user: CurrentUser | null = null;
let expired = false;

export function currentUser(): CurrentUser | null {
  return user;
}

export function setCurrentUser(next: CurrentUser | null): void {
  user = next;
  if (next) expired = false;
}

/** Remembers that the server ended the session, so the login page can say so once. */
export function markSessionExpired(): void {
  expired = true;
}

export function takeSessionExpired(): boolean {
  const was = expired;
  expired = false;
  return was;
}
