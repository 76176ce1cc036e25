const SensorsAnalytics = require('sa-sdk-node');
const mode = process.argv[2];
const sa = new SensorsAnalytics();
sa.submitTo({ url: 'http://127.0.0.1:18931/sa?project=demo', gzip: mode !== 'plain', mode: mode === 'dry' ? 'debug_only' : 'track' },
  mode === 'batch' ? { count: 3 } : {});
sa.track('user-node-1', 'P2P_Invest', { $time: new Date(1764000000000), amount: 10000.5, product_id: '稳盈-90天', term_days: 90, result: 'success' });
if (mode === 'batch') {
  sa.track('user-node-1', 'P2P_Invest', { $time: new Date(1764000001000), amount: 200, product_id: 'p-2', term_days: 30, result: 'success' });
  sa.profileSet('user-node-1', { city: '上海' });
}
setTimeout(() => process.exit(0), 1500);
