// #/home: the signed-in user's page, chosen by role.
import { adminHome } from '../admin/admin-home';
import { currentUser } from '../auth/session';
import type { View } from '../app/view';
import { doctorHome } from '../cases/doctor-home';
import { triagePage } from '../cases/triage-page';
import { worklistPage } from '../cases/worklist-page';

export function homePage(): View {
  const user = currentUser();
  if (!user) throw new Error('home page without a user'); // the router prevents this
  switch (user.role) {
    case 'DOCTOR':
      return doctorHome(user);
    case 'CONSULTANT':
      return triagePage();
    case 'EXPERT':
      return worklistPage();
    case 'ADMIN':
      return adminHome();
  }
}
