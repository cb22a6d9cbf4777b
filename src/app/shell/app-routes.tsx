import { BrowserRouter, Route, Routes } from 'react-router';
import { ActivityPage } from '../activity/activity-page';
import { HandoverPage } from '../handover/handover-page';
import { StagePage } from '../handover/stage-page';
import { PickPage } from '../pick/pick-page';
import { QueuePage } from '../queue/queue-page';
import { SignInPage } from '../sign-in/sign-in-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';

/** The app's routes: the shell is the only place that knows every feature. */
export function AppRoutes() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route path="sign-in" element={<SignInPage />} />
          <Route element={<RequireSession />}>
            <Route index element={<QueuePage />} />
            <Route path="orders/:id" element={<PickPage />} />
            <Route path="orders/:id/stage" element={<StagePage />} />
            <Route path="orders/:id/handover" element={<HandoverPage />} />
            <Route path="activity" element={<ActivityPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
