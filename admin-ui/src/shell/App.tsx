import {
  AlertOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FilterOutlined,
  FundOutlined,
  LogoutOutlined,
  PieChartOutlined,
  ProfileOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Layout, Menu, Result, Select, Space, Tag, Typography } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import type { SextantClient } from '../api/client';
import type { SignedIn } from '../api/types';
import { translate, type Locale } from '../i18n';
import { mayOpen, roleName } from '../session/access';
import ComingSoon from './ComingSoon';
import { ConsoleContext } from './context';
import { PAGE_TITLES, pageKey, parseRoute, routeHash, type Page } from './routes';
import { Loading } from './states';

// Each working page is its own chunk, loaded when first opened.
const OverviewPage = lazy(() => import('../overview/OverviewPage'));
const CustomerServicePage = lazy(() => import('../customer/CustomerServicePage'));
const TrackingPlanPage = lazy(() => import('../plan/TrackingPlanPage'));
const DataQualityPage = lazy(() => import('../quality/DataQualityPage'));
const EventAnalysisPage = lazy(() => import('../analysis/EventAnalysisPage'));
const SessionsPage = lazy(() => import('../sessions/SessionsPage'));
const FunnelPage = lazy(() => import('../funnel/FunnelPage'));
const RetentionPage = lazy(() => import('../retention/RetentionPage'));
const DistributionsPage = lazy(() => import('../distribution/DistributionsPage'));
const SegmentsPage = lazy(() => import('../segments/SegmentsPage'));
const ProjectSettingsPage = lazy(() => import('../settings/ProjectSettingsPage'));

const PAGE_COMPONENTS: Readonly<Partial<Record<Page, ComponentType<{ params: URLSearchParams }>>>> = {
  overview: OverviewPage,
  events: EventAnalysisPage,
  sessions: SessionsPage,
  funnels: FunnelPage,
  retention: RetentionPage,
  distributions: DistributionsPage,
  segments: SegmentsPage,
  customer: CustomerServicePage,
  plan: TrackingPlanPage,
  quality: DataQualityPage,
  settings: ProjectSettingsPage,
};

const PAGE_ICONS: Readonly<Record<Page, React.ReactNode>> = {
  overview: <DashboardOutlined />,
  events: <BarChartOutlined />,
  sessions: <FieldTimeOutlined />,
  funnels: <FilterOutlined />,
  retention: <FundOutlined />,
  distributions: <PieChartOutlined />,
  segments: <TeamOutlined />,
  customer: <UserOutlined />,
  plan: <ProfileOutlined />,
  quality: <AlertOutlined />,
  settings: <SettingOutlined />,
};

const PROJECTS = ['demo'];

/** The menu's groups; a role sees a group only with a page in it it may open. */
const MENU: ReadonlyArray<Page | { readonly key: string; readonly label: 'nav.analysis' | 'nav.service' | 'nav.data' | 'nav.admin'; readonly pages: readonly Page[] }> = [
  'overview',
  { key: 'analysis', label: 'nav.analysis', pages: ['events', 'sessions', 'funnels', 'retention', 'distributions', 'segments'] },
  { key: 'service', label: 'nav.service', pages: ['customer'] },
  { key: 'data', label: 'nav.data', pages: ['plan', 'quality'] },
  { key: 'admin', label: 'nav.admin', pages: ['settings'] },
];

export interface AppProps {
  readonly client: SextantClient;
  readonly user: SignedIn;
  readonly locale: Locale;
  readonly onSwitchLocale: () => void;
  readonly onSignOut: () => void;
  readonly initialProject: string;
  readonly onProjectChange: (project: string) => void;
}

function useHashRoute() {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const update = () => setHash(window.location.hash);
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return parseRoute(hash);
}

/** The signed-in console: the menu of the user's role, the header with who is signed in, the page. */
export default function App({ client, user, locale, onSwitchLocale, onSignOut, initialProject, onProjectChange }: AppProps) {
  const [project, setProject] = useState(initialProject);
  const route = useHashRoute();
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(locale, key, params);

  useEffect(() => {
    document.title = `${t(PAGE_TITLES[route.page])} · Sextant 六分仪`;
  });

  const item = (page: Page) => ({ key: page, icon: PAGE_ICONS[page], label: <a href={routeHash(page)}>{t(PAGE_TITLES[page])}</a> });
  const menu: ItemType[] = MENU.flatMap((entry): ItemType[] => {
    if (typeof entry === 'string') return mayOpen(user.role, entry) ? [item(entry)] : [];
    const pages = entry.pages.filter((page) => mayOpen(user.role, page));
    return pages.length === 0 ? [] : [{ key: entry.key, label: t(entry.label), type: 'group', children: pages.map(item) }];
  });
  const allowed = mayOpen(user.role, route.page);
  const PageComponent = PAGE_COMPONENTS[route.page];

  return (
    <ConsoleContext.Provider value={{ locale, project, client, user }}>
      <Layout className="shell">
        <Layout.Sider width={208} theme="dark" className="shell-sider">
          <a className="brand" href="#/overview">
            <span className="brand-mark">◢</span>
            <span className="brand-name">Sextant 六分仪</span>
          </a>
          <Menu theme="dark" mode="inline" selectedKeys={[route.page]} items={menu} />
        </Layout.Sider>
        <Layout>
          <Layout.Header className="shell-header">
            <Typography.Title level={4} className="shell-title">
              {t(PAGE_TITLES[route.page])}
            </Typography.Title>
            <Space size="middle">
              <Space size={6}>
                <span className="muted">{t('project.label')}</span>
                <Select
                  aria-label={t('project.label')}
                  value={project}
                  style={{ width: 140 }}
                  options={[...new Set([...PROJECTS, project])].map((p) => ({ value: p, label: p }))}
                  onChange={(value: string) => {
                    setProject(value);
                    onProjectChange(value);
                  }}
                />
              </Space>
              <Button aria-label={t('lang.switch.aria')} onClick={onSwitchLocale} className="lang-switch">
                {t('lang.switch')}
              </Button>
              <Space size={8} className="shell-user">
                <Avatar size="small" icon={<UserOutlined />} className="shell-user-avatar" />
                <span className="shell-user-name">{user.username}</span>
                <Tag color="blue" className="shell-user-role">
                  {roleName(user.role, t)}
                </Tag>
                <Button type="text" icon={<LogoutOutlined />} onClick={onSignOut} className="sign-out">
                  {t('session.signOut')}
                </Button>
              </Space>
            </Space>
          </Layout.Header>
          <Layout.Content className="shell-content">
            <Suspense fallback={<Loading />}>
              {!allowed ? (
                <Result
                  status="403"
                  className="no-access"
                  title={t('session.noAccess')}
                  subTitle={t('session.noAccess.detail', { role: roleName(user.role, t), page: t(PAGE_TITLES[route.page]) })}
                  extra={
                    <Button type="primary" href={routeHash('overview')}>
                      {t('session.backHome')}
                    </Button>
                  }
                />
              ) : PageComponent ? (
                <PageComponent key={pageKey(route, project)} params={route.params} />
              ) : (
                <ComingSoon title={PAGE_TITLES[route.page]} />
              )}
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </ConsoleContext.Provider>
  );
}
