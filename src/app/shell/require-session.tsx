import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../common/use-session';

/** Guards the signed-in screens; a cleared session (sign-out, failed refresh) lands on sign-in. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return <Outlet />;
}
