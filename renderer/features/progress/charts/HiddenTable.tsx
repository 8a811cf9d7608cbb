import type { ReactNode } from 'react';

export interface TableColumn {
  label: string;
}

/**
 * A chart's numbers as a table for screen readers: the drawing is hidden from them, and this
 * says everything it does, in order. The first cell of each row is its heading.
 */
export function ChartTable({ caption, columns, rows, visible = false }: { caption: string; columns: readonly string[]; rows: readonly (readonly ReactNode[])[]; visible?: boolean }) {
  const table = (
    <table className="data-table progress-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={j}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  // A table box ignores the 1px size of .visually-hidden (it grows to its content), so a block wraps it.
  return visible ? table : <div className="visually-hidden">{table}</div>;
}
