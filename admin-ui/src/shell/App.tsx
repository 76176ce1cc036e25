import {
  AlertOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FilterOutlined,
  FundOutlined,
  PieChartOutlined,
  ProfileOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Select, Space, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useMemo, useState, type ComponentType } from 'react';
import { SextantClient } from '../api/client';
import { otherLocale, translate, type Locale } from '../i18n';
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
const FunnelPage = lazy(() => import('../funnel/FunnelPage'));
const RetentionPage = lazy(() => import('../retention/RetentionPage'));
const DistributionsPage = lazy(() => import('../distribution/DistributionsPage'));

const PAGE_COMPONENTS: Readonly<Partial<Record<Page, ComponentType<{ params: URLSearchParams }>>>> = {
  overview: OverviewPage,
  events: EventAnalysisPage,
  funnels: FunnelPage,
  retention: RetentionPage,
  distributions: DistributionsPage,
  customer: CustomerServicePage,
  plan: TrackingPlanPage,
  quality: DataQualityPage,
};

const PAGE_ICONS: Readonly<Record<Page, React.ReactNode>> = {
  overview: <DashboardOutlined />,
  events: <BarChartOutlined />,
  funnels: <FilterOutlined />,
  retention: <FundOutlined />,
  distributions: <PieChartOutlined />,
  segments: <TeamOutlined />,
  customer: <UserOutlined />,
  plan: <ProfileOutlined />,
  quality: <AlertOutlined />,
};

const PROJECTS = ['demo'];

export interface AppProps {
  readonly initialLocale: Locale;
  readonly initialProject: string;
  readonly onLocaleChange: (locale: Locale) => void;
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

export default function App({ initialLocale, initialProject, onLocaleChange, onProjectChange }: AppProps) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [project, setProject] = useState(initialProject);
  const client = useMemo(() => new SextantClient(), []);
  const route = useHashRoute();
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t(PAGE_TITLES[route.page])} · Sextant 六分仪`;
  });

  const switchLocale = () => {
    const next = otherLocale(locale);
    setLocale(next);
    onLocaleChange(next);
  };
  const item = (page: Page) => ({ key: page, icon: PAGE_ICONS[page], label: <a href={routeHash(page)}>{t(PAGE_TITLES[page])}</a> });
  const PageComponent = PAGE_COMPONENTS[route.page];

  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1f5fd6', borderRadius: 6 } }}
    >
      <AntApp>
        <ConsoleContext.Provider value={{ locale, project, client }}>
          <Layout className="shell">
            <Layout.Sider width={208} theme="dark" className="shell-sider">
              <a className="brand" href="#/overview">
                <span className="brand-mark">◢</span>
                <span className="brand-name">Sextant 六分仪</span>
              </a>
              <Menu
                theme="dark"
                mode="inline"
                selectedKeys={[route.page]}
                defaultOpenKeys={['analysis', 'data']}
                items={[
                  item('overview'),
                  {
                    key: 'analysis',
                    label: t('nav.analysis'),
                    type: 'group',
                    children: [item('events'), item('funnels'), item('retention'), item('distributions'), item('segments')],
                  },
                  { key: 'service', type: 'group', label: t('nav.service'), children: [item('customer')] },
                  { key: 'data', label: t('nav.data'), type: 'group', children: [item('plan'), item('quality')] },
                ]}
              />
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
                  <Button aria-label={t('lang.switch.aria')} onClick={switchLocale} className="lang-switch">
                    {t('lang.switch')}
                  </Button>
                </Space>
              </Layout.Header>
              <Layout.Content className="shell-content">
                <Suspense fallback={<Loading />}>
                  {PageComponent ? (
                    <PageComponent key={pageKey(route, project)} params={route.params} />
                  ) : (
                    <ComingSoon title={PAGE_TITLES[route.page]} />
                  )}
                </Suspense>
              </Layout.Content>
            </Layout>
          </Layout>
        </ConsoleContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
