import type { ReactElement } from 'react';
import type { AboutSection } from './about-rows';

export interface AboutTableProps {
  readonly sections: readonly AboutSection[];
}

/** Label/value rows grouped under section headings, in one table. */
export function AboutTable({ sections }: AboutTableProps): ReactElement {
  return (
    <table className="data-table about-table" data-testid="about-health">
      {sections.map((section) => (
        <tbody key={section.title} data-section={section.title}>
          <tr className="section-row">
            <th scope="colgroup" colSpan={2}>
              {section.title}
            </th>
          </tr>
          {section.rows.map((row) => (
            <tr key={row.key} data-field={`${section.title.toLowerCase()}.${row.key}`}>
              <th scope="row" className="about-label">
                {row.label}
              </th>
              <td className={row.tone === undefined ? 'about-value' : `about-value tone-${row.tone}`}>{row.value}</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
