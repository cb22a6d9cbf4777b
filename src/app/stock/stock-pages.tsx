import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../common/not-found-page';
import { LookupPage } from './lookup-page';
import { ProductPage } from './product-page';
import { ReservationPage } from './reservation-page';
import { ReservePage } from './reserve-page';
import './stock.css';

/** Stock everywhere (issue 5): one lazy chunk, its screens under /stock. */
export function StockPages() {
  return (
    <Routes>
      <Route index element={<LookupPage />} />
      <Route path="products/:productId" element={<ProductPage />} />
      <Route path="products/:productId/reserve/:storeId" element={<ReservePage />} />
      <Route path="reservations/:reservationId" element={<ReservationPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
