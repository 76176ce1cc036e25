package dev.sextant.demo.simulation;

import java.util.List;

/**
 * The things the simulated users see and buy: pages, P2P products, coupons, forex masters, stocks,
 * goods of the Life mall, splash-screen themes and push campaigns. Values conform to the demo
 * tracking plan's enums and limits.
 */
final class Catalog {

  private Catalog() {}

  record Page(String id, String name, String screen) {}

  record Product(
      String id, String name, String type, long termDays, double annualRate, String incomeMethod) {}

  record Coupon(String id, String type, double amount) {}

  record Master(String id, String type) {}

  record Stock(String code, String name, String market, double price) {}

  record Goods(String id, String name, String category, String brand, double price, long points) {}

  /**
   * A splash-screen theme shown on every cold start; each user sees one (an A/B test) and the
   * themes convert visitors to sign-ups at different rates.
   */
  record SplashTheme(String pageName, String banner, double signUpPerSession) {}

  static final Page SPLASH = new Page("splash", "闪屏", "SplashActivity");
  static final Page HOME = new Page("home", "首页", "HomeActivity");
  static final Page SIGN_UP = new Page("sign_up", "注册", "SignUpActivity");
  static final Page REAL_NAME = new Page("real_name", "实名认证", "RealNameActivity");
  static final Page BIND_CARD = new Page("bind_card", "绑定银行卡", "BindCardActivity");
  static final Page DEPOSIT = new Page("deposit", "充值", "DepositActivity");
  static final Page P2P_LIST = new Page("p2p_list", "理财列表", "ProductListActivity");
  static final Page P2P_DETAIL = new Page("p2p_detail", "产品详情", "ProductDetailActivity");
  static final Page CREDIT_REPORT = new Page("credit_report", "信用报告", "CreditReportActivity");
  static final Page MY_ACCOUNT = new Page("my_account", "我的", "MyAccountActivity");
  static final Page FOREX_HOME = new Page("forex_home", "外汇首页", "ForexHomeActivity");
  static final Page COPYMASTER = new Page("copymaster", "跟单牛人", "CopyMasterActivity");
  static final Page STOCK_QUOTE = new Page("stock_quote", "行情", "QuoteActivity");
  static final Page COMMUNITY = new Page("community", "资讯社区", "CommunityActivity");
  static final Page LIFE_MALL = new Page("life_mall", "Life 积分商城", "MallActivity");
  static final Page GOODS_DETAIL = new Page("goods_detail", "商品详情", "GoodsDetailActivity");
  static final Page MESSAGES = new Page("messages", "私信", "MessagesActivity");

  /** Pages a visitor browses before signing up. */
  static final List<Page> BROWSING = List.of(HOME, P2P_LIST, P2P_DETAIL, FOREX_HOME, LIFE_MALL);

  static final List<SplashTheme> SPLASH_THEMES =
      List.of(
          new SplashTheme("闪屏-新春红包", "领取 888 元新手红包", 0.30),
          new SplashTheme("闪屏-新手加息", "新手专享 12% 年化", 0.22),
          new SplashTheme("闪屏-品牌经典", "福瑞斯 安心理财", 0.14));

  static final List<Product> PRODUCTS =
      List.of(
          new Product("p2p-newbie-7", "新手专享 7 天", "newbie", 7, 12.0, "at_maturity"),
          new Product("p2p-flex-1", "活期宝", "flexible", 1, 4.2, "at_maturity"),
          new Product("p2p-reg-30", "月月盈 30 天", "regular", 30, 6.8, "at_maturity"),
          new Product("p2p-reg-90", "季季盈 90 天", "regular", 90, 7.6, "monthly_interest"),
          new Product("p2p-reg-180", "半年盈 180 天", "regular", 180, 8.4, "monthly_interest"),
          new Product("p2p-reg-365", "年年盈 365 天", "regular", 365, 9.5, "equal_installments"),
          new Product("p2p-claim-60", "债权转让 60 天", "claim_transfer", 60, 8.9, "at_maturity"));

  static final Coupon NEWBIE_COUPON = new Coupon("cpn-newbie-888", "experience", 888);

  static final List<Coupon> COUPONS =
      List.of(
          new Coupon("cpn-cash-20", "cash", 20),
          new Coupon("cpn-cash-50", "cash", 50),
          new Coupon("cpn-rate-1", "interest_rate", 1));

  static final List<Master> MASTERS =
      List.of(
          new Master("fx-master-01", "trader"),
          new Master("fx-master-02", "trader"),
          new Master("fx-master-03", "analyst"),
          new Master("fx-master-04", "fund_manager"),
          new Master("fx-master-05", "expert"),
          new Master("fx-master-06", "expert"),
          new Master("fx-master-07", "trader"),
          new Master("fx-master-08", "analyst"),
          new Master("fx-master-09", "expert"),
          new Master("fx-master-10", "fund_manager"));

  static final List<String> FOREX_SYMBOLS =
      List.of("EURUSD", "USDJPY", "GBPUSD", "XAUUSD", "AUDUSD", "USDCNH");

  static final List<Stock> STOCKS =
      List.of(
          new Stock("600519", "贵州茅台", "SH", 334.0),
          new Stock("601318", "中国平安", "SH", 36.5),
          new Stock("000001", "平安银行", "SZ", 9.1),
          new Stock("000333", "美的集团", "SZ", 29.8),
          new Stock("00700", "腾讯控股", "HK", 190.0),
          new Stock("AAPL", "Apple", "US", 120.0),
          new Stock("BABA", "Alibaba", "US", 86.0));

  static final List<Goods> GOODS =
      List.of(
          new Goods("goods-1001", "小米手环 2", "digital", "Xiaomi", 149, 14900),
          new Goods("goods-1002", "乐扣保鲜盒", "home", "LocknLock", 59, 5900),
          new Goods("goods-1003", "三只松鼠坚果礼盒", "food", "三只松鼠", 99, 9900),
          new Goods("goods-1004", "京东 E 卡 100 元", "gift_card", "京东", 100, 10000),
          new Goods("goods-1005", "加息券 0.5%", "finance_coupon", "福瑞斯", 0, 2000));

  static final List<String> BANKS = List.of("中国工商银行", "中国建设银行", "招商银行", "中国农业银行", "中国银行", "交通银行");

  static final List<String> LOGISTICS = List.of("顺丰速运", "中通快递", "京东物流");

  static final List<String> CHANNELS =
      List.of("app_store", "huawei_store", "xiaomi_store", "baidu_sem", "wechat_ad", "organic");

  static final List<String> SIGN_UP_FAILURES = List.of("短信验证码错误", "手机号已注册");
  static final List<String> REAL_NAME_FAILURES = List.of("身份证信息不匹配", "人脸识别未通过", "公安系统超时");
  static final List<String> BIND_CARD_FAILURES = List.of("银行预留手机号不一致", "该银行暂不支持", "银行卡信息不匹配");
  static final List<String> PAYMENT_FAILURES = List.of("银行卡余额不足", "支付通道超时", "超出单笔限额");
  static final List<String> INVEST_FAILURES = List.of("超出产品剩余额度", "风险测评等级不匹配");
  static final List<String> LOGIN_FAILURES = List.of("密码错误", "验证码已过期");
  static final List<String> ORDER_FAILURES = List.of("价格超出涨跌停限制", "可用资金不足");

  /**
   * The case study's campaign: January sign-ups who viewed the credit report and never invested.
   */
  static final String CREDIT_REPORT_CAMPAIGN = "credit_report_jan_signups";

  static final String WEEKLY_CAMPAIGN_PREFIX = "weekly_picks_w";
}
