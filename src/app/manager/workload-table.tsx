import type { WorkloadRow } from './workload';
import { useManagerI18n } from './i18n/manager-i18n';

export function WorkloadTable({ rows }: { rows: readonly WorkloadRow[] }) {
  const { mt } = useManagerI18n();
  return (
    <section className="card stack" aria-labelledby="workload-title">
      <h2 id="workload-title">{mt('workload.title')}</h2>
      <div className="table-scroll" role="region" aria-labelledby="workload-title" tabIndex={0}>
        <table className="data-table" data-testid="workload">
          <caption>{mt('workload.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{mt('workload.associate')}</th>
              <th scope="col" className="num">
                {mt('workload.claimed')}
              </th>
              <th scope="col" className="num">
                {mt('workload.assigned')}
              </th>
              <th scope="col" className="num">
                {mt('workload.units')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id ?? 'nobody'} data-testid={row.id ? `workload-${row.id}` : 'workload-nobody'}>
                <th scope="row">{row.id ? row.name : mt('workload.unassigned')}</th>
                <td className="num">{row.claimed}</td>
                <td className="num">{row.assigned}</td>
                <td className="num">{row.unitsToPick}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
