import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useT } from '../shell/context';
import { routeHash } from '../shell/routes';
import { nextPage, previousPage, type Pages } from './drilldown';

/** The class names the page's tests find the table, its user links and its pager by. */
export interface UserPageClasses {
  readonly table: string;
  readonly user: string;
  readonly previous: string;
  readonly next: string;
}

/**
 * One page of users, ranked, each a link to customer service, with the pager under it: a funnel
 * step's users and a snapshot's members page alike.
 */
export function UserPageTable(props: {
  ids: readonly string[];
  firstRank: number;
  pages: Pages;
  nextAfter: string | null;
  onPages: (pages: Pages) => void;
  classes: UserPageClasses;
}) {
  const { ids, firstRank, pages, nextAfter, onPages, classes } = props;
  const t = useT();
  return (
    <>
      <Table<{ id: string; rank: number }>
        className={classes.table}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={ids.map((id, i) => ({ id, rank: firstRank + i }))}
        columns={[
          { title: '#', dataIndex: 'rank', width: 64, className: 'muted' },
          {
            title: t('drill.col.user'),
            render: (_, row) => (
              <a className={classes.user} href={routeHash('customer', { user: row.id })}>
                {row.id}
              </a>
            ),
          },
          {
            title: '',
            width: 140,
            align: 'right',
            render: (_, row) => (
              <a className="muted" href={routeHash('customer', { user: row.id })}>
                {t('drill.col.open')} →
              </a>
            ),
          },
        ]}
      />
      <div className="drill-pager">
        <Button icon={<LeftOutlined />} className={classes.previous} disabled={pages.index === 0} onClick={() => onPages(previousPage(pages))}>
          {t('drill.previous')}
        </Button>
        <Button className={classes.next} disabled={nextAfter === null} onClick={() => nextAfter !== null && onPages(nextPage(pages, nextAfter))}>
          {t('drill.next')} <RightOutlined />
        </Button>
      </div>
    </>
  );
}
