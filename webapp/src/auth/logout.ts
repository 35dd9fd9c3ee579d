import { navigate } from '../app/router';
import { stopLive } from '../app/live-session';
import { api } from '../shared/api';
import { currentUser, markSessionExpired, setCurrentUser } from './session';

/** Ends the server session (best effort) and returns to the login page. */
export async function logout(): Promise<void> {
  stopLive();
  try {
    await api.logout();
  } catch {
    /* already signed out or server unreachable: sign out locally anyway */
  }
  signedOut(false);
}

/** The session is gone (logout, or a 401 from the server): forget the user, show login. */
export function signedOut(expired: boolean): void {
  stopLive();
  if (expired && currentUser()) markSessionExpired();
  setCurrentUser(null);
  navigate('login');
}
