import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../common/not-found-page';
import { FindPage } from './find-page';
import { NewReturnPage } from './new-return-page';
import { ReturnPage } from './return-page';
import { ReviewPage } from './review-page';
import './returns.css';

/** Returns of online orders at the counter (issue 6): one lazy chunk, its screens under /returns. */
export function ReturnsPages() {
  return (
    <Routes>
      <Route index element={<FindPage />} />
      <Route path="new/:orderId" element={<NewReturnPage />} />
      <Route path="r/:returnId" element={<ReturnPage />} />
      <Route path="review" element={<ReviewPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
