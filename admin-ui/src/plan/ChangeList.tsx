import { Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import type { PlanChange } from '../api/types';

const CHANGE_COLORS: Readonly<Record<string, string>> = { ADDED: 'green', REMOVED: 'red', CHANGED: 'gold' };

/** A plan diff, one line per change. */
export function ChangeList({ changes }: { changes: readonly PlanChange[] }) {
  const rows = useMemo(() => changes.map((c, i) => ({ ...c, key: `${c.path}-${i}` })), [changes]);
  return (
    <Table
      size="small"
      className="change-list"
      pagination={rows.length > 15 ? { pageSize: 15 } : false}
      dataSource={rows}
      columns={[
        { dataIndex: 'kind', width: 110, render: (v: string) => <Tag color={CHANGE_COLORS[v] ?? 'default'}>{v}</Tag> },
        { dataIndex: 'path', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
        {
          render: (_, c) =>
            c.before === null && c.after === null ? null : (
              <Tooltip title={`${show(c.before)} → ${show(c.after)}`}>
                <span className="diff">
                  <del>{show(c.before)}</del> → <ins>{show(c.after)}</ins>
                </span>
              </Tooltip>
            ),
        },
      ]}
      showHeader={false}
    />
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

