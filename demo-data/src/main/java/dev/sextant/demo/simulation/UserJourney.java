package dev.sextant.demo.simulation;

import dev.sextant.demo.simulation.Catalog.Coupon;
import dev.sextant.demo.simulation.Catalog.Goods;
import dev.sextant.demo.simulation.Catalog.Master;
import dev.sextant.demo.simulation.Catalog.Page;
import dev.sextant.demo.simulation.Catalog.Product;
import dev.sextant.demo.simulation.Catalog.SplashTheme;
import dev.sextant.demo.simulation.Catalog.Stock;
import dev.sextant.event.TrackedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * One user's life in the app, day by day: whether they come back, their sessions, and what they do
 * in each according to how far they are in the register → real name → bind card → deposit → invest
 * funnel and what they like (P2P, forex, stocks, the mall). Back-end events that happen later
 * (maturity, shipping) are scheduled at their own time; the result is sorted by time.
 */
final class UserJourney {

  private static final long SECOND = 1_000;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  /** Sessions are at least this far apart, the Sensors SDK's default session cut-off. */
  static final long SESSION_GAP = 30 * MINUTE;

  /** The case study's campaign day: 2017-02-15 for the default period. */
  static final int CAMPAIGN_DAY = SimulationSettings.CASE_STUDY_CAMPAIGN_DAY;

  /** The cohort of the case study: users who signed up in the period's first month. */
  static final int COHORT_DAYS = 31;

  static final int CAMPAIGN_EFFECT_DAYS = 14;

  /**
   * Of the case study's segment, the share ready to invest in the campaign's weeks, pushed or not,
   * and the share the push makes ready on top: calibrated so that the effect report looks like the
   * case study's (24.69 % of the pushed against 16.34 % of the held-out, see DemoScenarioTest).
   */
  private static final double SEGMENT_READY = 0.32;

  private static final double PUSH_READY = 0.03;

  private static final String[] OPEN_ACCOUNT_STEPS = {
    "basic_info", "id_verification", "risk_assessment", "sign_agreement", "submit"
  };

  private enum Stage {
    VISITOR,
    REGISTERED,
    VERIFIED,
    CARD_BOUND,
    FUNDED
  }

  private final SimulationSettings settings;
  private final long[] dayStarts;
  private final int user;
  private final long userKey;
  private final RandomGenerator random;
  private final String anonymousId;
  private final String loginId;
  private final Platform platform;
  private final SplashTheme theme;
  private final double engagement;
  private double lifetimeDays;

  /** How far into the funnel the user is willing to go: 1 real name … 4 invest. */
  private int willingness;

  private final boolean likesP2p;
  private final boolean likesForex;
  private final boolean likesStocks;
  private final boolean likesMall;
  private final long periodEnd;
  private final List<TrackedEvent> events = new ArrayList<>();

  private long counter;
  private long now;
  private long sessionStartedAt;
  private Stage stage = Stage.VISITOR;
  private boolean launchedBefore;
  private int registeredDay = -1;
  private boolean viewedCreditReport;
  private boolean invested;
  private long boostedUntil = Long.MIN_VALUE;
  private int forexSteps;
  private boolean forexOpened;
  private boolean forexFunded;
  private boolean appliedAsMaster;
  private int stockSteps;
  private long orders;
  private String bank;

  UserJourney(SimulationSettings settings, long[] dayStarts, int user) {
    this.settings = settings;
    this.dayStarts = dayStarts;
    this.user = user;
    this.userKey = DemoIds.userKey(settings.seed(), user);
    this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(userKey);
    this.anonymousId = DemoIds.anonymousId(settings.seed(), user);
    this.loginId = DemoIds.loginId(user);
    double p = random.nextDouble();
    this.platform = p < 0.45 ? Platform.ANDROID : p < 0.88 ? Platform.IOS : Platform.WEB;
    this.theme = pick(Catalog.SPLASH_THEMES);
    this.engagement = Math.exp(random.nextGaussian() * 0.6);
    this.lifetimeDays = 5 + random.nextExponential() * 25;
    while (willingness < 4 && random.nextDouble() < 0.72) {
      willingness++;
    }
    this.likesP2p = random.nextDouble() < 0.75;
    this.likesForex = random.nextDouble() < 0.25;
    this.likesStocks = random.nextDouble() < 0.35;
    this.likesMall = random.nextDouble() < 0.4;
    this.periodEnd = dayStarts[settings.days()];
  }

  List<TrackedEvent> simulate() {
    int arrival = random.nextInt(settings.days());
    for (int day = arrival; day < settings.days(); day++) {
      long clickedPushAt = receivePushes(day);
      if (day == arrival || clickedPushAt >= 0 || comesBack(day - arrival, dayStarts[day])) {
        simulateDay(day, clickedPushAt);
      }
    }
    events.sort(Comparator.comparing(TrackedEvent::time));
    return events;
  }

  private boolean comesBack(int daysSinceArrival, long dayStart) {
    double lifetime = stage == Stage.VISITOR ? lifetimeDays / 4 : lifetimeDays;
    double chance = 0.55 * engagement * Math.exp(-daysSinceArrival / lifetime) + 0.02;
    if (dayStart < boostedUntil) {
      chance = Math.max(chance, 0.35);
    }
    return random.nextDouble() < chance;
  }

  private void simulateDay(int day, long clickedPushAt) {
    long dayEnd = dayStarts[day + 1];
    int sessions = 1 + (random.nextDouble() < 0.35 * engagement ? 1 : 0);
    sessions += random.nextDouble() < 0.1 ? 1 : 0;
    long start =
        clickedPushAt >= 0 ? clickedPushAt : dayStarts[day] + 7 * HOUR + random.nextLong(12 * HOUR);
    for (int session = 0; session < sessions && start < dayEnd - HOUR; session++) {
      simulateSession(day, start, session == 0 && clickedPushAt >= 0);
      start = now + SESSION_GAP + MINUTE + random.nextLong(4 * HOUR);
    }
  }

  // ---- pushes

  /** Receives the day's pushes; the time the user opens the app from one, or -1. */
  private long receivePushes(int day) {
    long clickedAt = -1;
    if (day == CAMPAIGN_DAY && isInCaseStudyTarget()) {
      // The segment converts on its own (it is high intent, which is why it was chosen)...
      if (random.nextDouble() < SEGMENT_READY) {
        willingness = 4;
      }
      // ... and half of it is pushed, which brings users back sooner and more of them through.
      if (random.nextDouble() < 0.5) {
        boostedUntil = dayStarts[day] + CAMPAIGN_EFFECT_DAYS * DAY;
        if (random.nextDouble() < PUSH_READY) {
          willingness = 4;
        }
        clickedAt = push(dayStarts[day] + 10 * HOUR, Catalog.CREDIT_REPORT_CAMPAIGN, 0.35);
      }
    }
    if (day > 0 && day % 7 == 0 && stage != Stage.VISITOR && random.nextDouble() < 0.3) {
      long clicked =
          push(dayStarts[day] + 12 * HOUR, Catalog.WEEKLY_CAMPAIGN_PREFIX + day / 7, 0.08);
      clickedAt = clickedAt >= 0 ? clickedAt : clicked;
    }
    return clickedAt;
  }

  /**
   * The case study's segment: signed up in the first month, viewed the credit report, never
   * invested. Half of it is pushed (the other half is the holdout) and pushed users convert more.
   */
  private boolean isInCaseStudyTarget() {
    return registeredDay >= 0 && registeredDay < COHORT_DAYS && viewedCreditReport && !invested;
  }

  private long push(long around, String campaign, double clickRate) {
    long at = around + random.nextLong(30 * MINUTE);
    String channel = platform == Platform.IOS ? "apns" : pick(List.of("jpush", "xiaomi", "huawei"));
    Map<String, Object> received = frontEnd();
    received.put("push_id", "push-" + campaign);
    received.put("push_campaign", campaign);
    received.put("push_channel", channel);
    emit("push_Receive", at, received);
    return random.nextDouble() < clickRate ? at + MINUTE + random.nextLong(20 * MINUTE) : -1;
  }

  // ---- sessions

  private void simulateSession(int day, long start, boolean openedFromPush) {
    now = start;
    boolean bannerClicked = startSession();
    if (openedFromPush) {
      Map<String, Object> click = frontEnd();
      click.put("push_id", "push-" + Catalog.CREDIT_REPORT_CAMPAIGN);
      click.put("push_campaign", Catalog.CREDIT_REPORT_CAMPAIGN);
      click.put("push_link", "sextant-demo://p2p_list");
      emit("push_Click", click);
      view(Catalog.P2P_LIST);
    }
    view(Catalog.HOME);
    if (stage == Stage.VISITOR) {
      visit(day, bannerClicked);
    } else {
      use();
    }
    endSession();
  }

  /**
   * Launches the app (and shows the splash screen on a cold start); whether its banner was tapped.
   */
  private boolean startSession() {
    if (!platform.isApp()) {
      return false;
    }
    boolean resumed = launchedBefore && random.nextDouble() < 0.3;
    Map<String, Object> start = frontEnd();
    start.put("$is_first_time", !launchedBefore);
    start.put("$resume_from_background", resumed);
    emit("$AppStart", start);
    sessionStartedAt = now;
    launchedBefore = true;
    if (resumed) {
      return false;
    }
    Map<String, Object> splash = frontEnd();
    splash.put("page_id", Catalog.SPLASH.id());
    splash.put("page_name", theme.pageName());
    splash.put("$screen_name", Catalog.SPLASH.screen());
    emit("$AppViewScreen", splash);
    if (stage == Stage.VISITOR && random.nextDouble() < 0.3) {
      click(Catalog.SPLASH, "splash_banner", theme.banner());
      return true;
    }
    return false;
  }

  private void endSession() {
    if (!platform.isApp()) {
      return;
    }
    tick();
    Map<String, Object> end = frontEnd();
    end.put("$event_duration", BigDecimal.valueOf(now - sessionStartedAt + 1_000, 3));
    emit("$AppEnd", now, end);
  }

  /** A visitor browses, and may sign up: more likely after tapping the splash banner. */
  private void visit(int day, boolean bannerClicked) {
    int pages = 1 + random.nextInt(4);
    for (int i = 0; i < pages; i++) {
      Page page = pick(Catalog.BROWSING);
      view(page);
      if (random.nextDouble() < 0.4) {
        click(page, "btn_" + page.id(), page.name());
      }
    }
    double signUp = platform.isApp() ? theme.signUpPerSession() : 0.18;
    if (random.nextDouble() < signUp * (bannerClicked ? 1.6 : 1.0)) {
      signUp(day);
    }
  }

  private void signUp(int day) {
    view(Catalog.SIGN_UP);
    click(Catalog.SIGN_UP, "btn_sign_up", "立即注册");
    String method = random.nextDouble() < 0.8 ? "phone" : "wechat";
    String channel = pick(Catalog.CHANNELS);
    if (random.nextDouble() < 0.1) {
      Map<String, Object> failed = backEnd();
      failed.put("signup_method", method);
      failed.put("channel", channel);
      failed.put("result", "fail");
      failed.put("fail_reason", pick(Catalog.SIGN_UP_FAILURES));
      emit("SignUp", failed);
      if (random.nextDouble() < 0.4) {
        return;
      }
      click(Catalog.SIGN_UP, "btn_sign_up", "立即注册");
    }
    stage = Stage.REGISTERED;
    registeredDay = day;
    Map<String, Object> signedUp = backEnd();
    signedUp.put("signup_method", method);
    signedUp.put("channel", channel);
    signedUp.put("result", "success");
    emit("SignUp", signedUp);
    // The client's login(): links the anonymous id to the login id (a track_signup record).
    Map<String, Object> linked = frontEnd();
    linked.put("$device_id", anonymousId);
    emit("$SignUp", linked);
    receiveCoupon(Catalog.NEWBIE_COUPON);
  }

  /** A member's session: maybe a login, a step of the funnel, then what they like to do. */
  private void use() {
    if (random.nextDouble() < 0.12) {
      logIn();
    }
    advanceFunnel();
    if (random.nextDouble() < 0.2) {
      view(Catalog.MY_ACCOUNT);
      view(Catalog.CREDIT_REPORT);
      // Checking one's credit report is the case study's sign of intent to borrow or invest.
      if (!viewedCreditReport && random.nextDouble() < 0.25) {
        willingness = 4;
        lifetimeDays += 45;
      }
      viewedCreditReport = true;
    }
    if (likesP2p && random.nextDouble() < 0.8) {
      browseProducts();
    }
    if (likesForex && random.nextDouble() < 0.6) {
      tradeForex();
    }
    if (likesStocks && random.nextDouble() < 0.6) {
      tradeStocks();
    }
    if (likesMall && random.nextDouble() < 0.5) {
      shop();
    }
    socialise();
  }

  private void logIn() {
    Map<String, Object> login = backEnd();
    login.put("login_method", pick(List.of("password", "sms_code", "wechat", "fingerprint")));
    if (random.nextDouble() < 0.08) {
      login.put("result", "fail");
      login.put("fail_reason", pick(Catalog.LOGIN_FAILURES));
      emit("Login", login);
      login = backEnd();
      login.put("login_method", "sms_code");
    }
    login.put("result", "success");
    emit("Login", login);
  }

  // ---- the account funnel

  private double boost() {
    return now < boostedUntil ? 1.5 : 1.0;
  }

  private boolean chance(double probability) {
    return random.nextDouble() < Math.min(0.95, probability * boost());
  }

  private void advanceFunnel() {
    if (stage != Stage.FUNDED && willingness < stage.ordinal()) {
      return;
    }
    switch (stage) {
      case REGISTERED -> {
        if (chance(0.45)) {
          verifyRealName();
        }
      }
      case VERIFIED -> {
        if (chance(0.45)) {
          bindCard();
        }
      }
      case CARD_BOUND -> {
        if (chance(0.4)) {
          deposit();
        }
      }
      case FUNDED -> {
        if (random.nextDouble() < 0.03) {
          withdraw();
        }
      }

      case VISITOR -> throw new IllegalStateException("a visitor has no account");
    }
  }

  private void verifyRealName() {
    view(Catalog.REAL_NAME);
    click(Catalog.REAL_NAME, "btn_verify", "提交认证");
    Map<String, Object> verified = backEnd();
    if (succeeds(0.85, verified, Catalog.REAL_NAME_FAILURES)) {
      stage = Stage.VERIFIED;
    }
    emit("RealNameVerify", verified);
  }

  private void bindCard() {
    view(Catalog.BIND_CARD);
    click(Catalog.BIND_CARD, "btn_bind", "确认绑定");
    bank = pick(Catalog.BANKS);
    Map<String, Object> bound = backEnd();
    bound.put("bank_name", bank);
    bound.put("card_type", random.nextDouble() < 0.9 ? "debit" : "credit");
    bound.put("bank_card_tail", String.valueOf(1000 + random.nextInt(9000)));
    if (succeeds(0.85, bound, Catalog.BIND_CARD_FAILURES)) {
      stage = Stage.CARD_BOUND;
    }
    emit("BindCard", bound);
  }

  private void deposit() {
    view(Catalog.DEPOSIT);
    click(Catalog.DEPOSIT, "btn_deposit", "确认充值");
    Map<String, Object> deposit = backEnd();
    deposit.put("amount", money(roundTo(100, 500 + random.nextExponential() * 8_000)));
    deposit.put("currency", "CNY");
    deposit.put("payment_method", pick(List.of("bank_card", "bank_card", "alipay", "wechat_pay")));
    if (succeeds(0.9, deposit, Catalog.PAYMENT_FAILURES)) {
      stage = Stage.FUNDED;
    }
    emit("Deposit", deposit);
  }

  private void withdraw() {
    Map<String, Object> withdrawal = backEnd();
    withdrawal.put("amount", money(roundTo(100, 200 + random.nextExponential() * 3_000)));
    withdrawal.put("currency", "CNY");
    withdrawal.put("bank_name", bank);
    succeeds(0.97, withdrawal, List.of("账户余额不足"));
    emit("Withdraw", withdrawal);
  }

  /** Sets {@code result} (and a {@code fail_reason} on failure); whether it succeeded. */
  private boolean succeeds(double probability, Map<String, Object> properties, List<String> why) {
    boolean success = random.nextDouble() < probability;
    properties.put("result", success ? "success" : "fail");
    if (!success) {
      properties.put("fail_reason", pick(why));
    }
    return success;
  }

  // ---- P2P

  private void browseProducts() {
    view(Catalog.P2P_LIST);
    Product product = invested || random.nextDouble() < 0.5 ? pick(Catalog.PRODUCTS) : newbie();
    Map<String, Object> clicked = frontEnd();
    clicked.put("product_id", product.id());
    clicked.put("product_name", product.name());
    clicked.put("product_type", product.type());
    clicked.put("term_days", product.termDays());
    clicked.put("annual_rate", rate(product.annualRate()));
    emit("P2P_ClickProduct", clicked);
    view(Catalog.P2P_DETAIL);
    if (stage == Stage.FUNDED && willingness == 4 && chance(0.35)) {
      invest(product);
    } else if (invested && random.nextDouble() < 0.03) {
      transferClaim();
    }
  }

  private Product newbie() {
    return Catalog.PRODUCTS.getFirst();
  }

  private void invest(Product product) {
    click(Catalog.P2P_DETAIL, "btn_invest", "立即投资");
    double amount =
        product.type().equals("newbie")
            ? roundTo(100, 1_000 + random.nextDouble() * 9_000)
            : roundTo(100, 1_000 + random.nextExponential() * 20_000);
    Coupon coupon = random.nextDouble() < 0.3 ? pick(Catalog.COUPONS) : null;
    Map<String, Object> submitted = backEnd();
    submitted.put("amount", money(amount));
    submitted.put("product_id", product.id());
    submitted.put("product_type", product.type());
    submitted.put("term_days", product.termDays());
    submitted.put("coupon_used", coupon != null);
    if (coupon != null) {
      submitted.put("coupon_id", coupon.id());
      submitted.put("coupon_type", coupon.type());
    }
    boolean accepted = succeeds(0.95, submitted, Catalog.INVEST_FAILURES);
    emit("P2P_Invest", submitted);
    if (!accepted) {
      return;
    }
    double couponAmount = coupon != null && coupon.type().equals("cash") ? coupon.amount() : 0;
    String paymentMethod = random.nextDouble() < 0.7 ? "balance" : "bank_card";
    Map<String, Object> paid = backEnd();
    paid.put("amount", money(amount));
    paid.put("actual_amount", money(amount - couponAmount));
    paid.put("payment_method", paymentMethod);
    paid.put("product_id", product.id());
    boolean paidOk = succeeds(0.94, paid, Catalog.PAYMENT_FAILURES);
    emit("P2P_PayInvestment", paid);
    if (paidOk) {
      investmentSucceeded(product, amount, couponAmount, coupon, paymentMethod);
    }
  }

  private void investmentSucceeded(
      Product product, double amount, double couponAmount, Coupon coupon, String paymentMethod) {
    invested = true;
    Map<String, Object> success = backEnd();
    success.put("amount", money(amount));
    success.put("actual_amount", money(amount - couponAmount));
    success.put("annual_rate", rate(product.annualRate()));
    success.put("payment_method", paymentMethod);
    success.put("product_id", product.id());
    success.put("product_name", product.name());
    success.put("product_type", product.type());
    success.put("term_days", product.termDays());
    success.put("income_method", product.incomeMethod());
    if (coupon != null) {
      success.put("coupon_id", coupon.id());
      success.put("coupon_type", coupon.type());
      success.put("coupon_amount", money(coupon.amount()));
    }
    emit("P2P_InvestSuccess", success);
    long maturity = now + product.termDays() * DAY;
    if (maturity < periodEnd) {
      Map<String, Object> matured = backEnd();
      matured.put("amount", money(amount));
      matured.put("income", money(amount * product.annualRate() / 100 * product.termDays() / 365));
      matured.put("product_id", product.id());
      emit("P2P_Mature", maturity, matured);
    }
  }

  private void transferClaim() {
    Map<String, Object> transfer = backEnd();
    transfer.put("amount", money(roundTo(100, 1_000 + random.nextExponential() * 10_000)));
    transfer.put("claim_id", "claim-" + user + "-" + orders++);
    succeeds(0.9, transfer, List.of("持有未满 30 天"));
    emit("P2P_TransferClaim", transfer);
  }

  private void receiveCoupon(Coupon coupon) {
    Map<String, Object> received = backEnd();
    received.put("coupon_id", coupon.id());
    received.put("coupon_type", coupon.type());
    received.put("coupon_amount", money(coupon.amount()));
    emit("P2P_ReceiveCoupon", received);
  }

  // ---- forex and Copymaster

  private void tradeForex() {
    view(Catalog.FOREX_HOME);
    if (!forexOpened) {
      forexSteps = openAccountSteps("forex_OpenAccountStep", forexSteps);
      if (forexSteps == OPEN_ACCOUNT_STEPS.length) {
        Map<String, Object> opened = backEnd();
        forexOpened = succeeds(0.88, opened, List.of("风险测评未通过", "证件照片不清晰"));
        forexSteps = forexOpened ? forexSteps : 0;
        emit("forex_OpenAccount", opened);
      }
    } else if (!forexFunded) {
      Map<String, Object> deposit = backEnd();
      deposit.put("amount", money(roundTo(100, 500 + random.nextExponential() * 3_000)));
      deposit.put("currency", "USD");
      deposit.put("payment_method", "bank_card");
      forexFunded = succeeds(0.92, deposit, Catalog.PAYMENT_FAILURES);
      emit("forex_Deposit", deposit);
    } else {
      copyAndTrade();
    }
  }

  /** Continues an account opening form, step by step, with drop-offs; the steps now done. */
  private int openAccountSteps(String event, int done) {
    while (done < OPEN_ACCOUNT_STEPS.length && random.nextDouble() < 0.75) {
      Map<String, Object> step = frontEnd();
      step.put("open_account_step", OPEN_ACCOUNT_STEPS[done]);
      emit(event, step);
      done++;
    }
    return done;
  }

  private void copyAndTrade() {
    view(Catalog.COPYMASTER);
    Master master = popular(Catalog.MASTERS);
    if (random.nextDouble() < 0.3) {
      Map<String, Object> copy = backEnd();
      copy.put("amount", money(roundTo(100, 200 + random.nextExponential() * 2_000)));
      copy.put("master_id", master.id());
      copy.put("master_type", master.type());
      succeeds(0.95, copy, List.of("跟单资金不足"));
      emit("forex_CopyMaster", copy);
    }
    if (random.nextDouble() < 0.5) {
      double price = 1 + random.nextDouble();
      long lots = 1 + random.nextInt(10);
      Map<String, Object> trade = backEnd();
      trade.put("symbol", pick(Catalog.FOREX_SYMBOLS));
      trade.put("price", BigDecimal.valueOf(Math.round(price * 10_000), 4));
      trade.put("quantity", lots);
      trade.put("amount", money(lots * 1_000 * price));
      trade.put("trade_side", pick(List.of("buy", "sell", "short")));
      emit("forex_TradeDone", trade);
    }
    if (random.nextDouble() < 0.1) {
      follow("master", master.id());
    }
    if (!appliedAsMaster && random.nextDouble() < 0.01) {
      applyAsMaster();
    }
  }

  private void applyAsMaster() {
    appliedAsMaster = true;
    Map<String, Object> applied = backEnd();
    applied.put("master_type", "expert");
    applied.put("result", "success");
    emit("forex_ApplyMaster", applied);
    long qualified = now + 3 * DAY;
    if (random.nextDouble() < 0.4 && qualified < periodEnd) {
      Map<String, Object> qualification = backEnd();
      qualification.put("master_id", "fx-master-" + loginId);
      qualification.put("master_type", "expert");
      emit("forex_QualifyMaster", qualified, qualification);
    }
  }

  // ---- stocks

  private void tradeStocks() {
    Stock stock = popular(Catalog.STOCKS);
    view(Catalog.STOCK_QUOTE);
    Map<String, Object> quote = frontEnd();
    quote.put("market", stock.market());
    quote.put("stock_code", stock.code());
    quote.put("stock_name", stock.name());
    emit("stock_ViewQuote", quote);
    if (stockSteps < OPEN_ACCOUNT_STEPS.length) {
      stockSteps = openAccountSteps("stock_OpenAccountStep", stockSteps);
    } else if (random.nextDouble() < 0.35) {
      placeOrder(stock);
    }
    if (random.nextDouble() < 0.3) {
      readPosts();
    }
    if (random.nextDouble() < 0.08) {
      follow("stock", stock.code());
    }
    if (random.nextDouble() < 0.02) {
      copyPortfolio();
    }
  }

  private void placeOrder(Stock stock) {
    String orderId = "so-" + user + "-" + orders++;
    String side = random.nextDouble() < 0.6 ? "buy" : "sell";
    long quantity = 100L * (1 + random.nextInt(10));
    BigDecimal price = money(stock.price() * (0.97 + random.nextDouble() * 0.06));
    String orderType = random.nextDouble() < 0.7 ? "limit" : "market";
    Map<String, Object> order = backEnd();
    order.put("order_id", orderId);
    order.put("market", stock.market());
    order.put("stock_code", stock.code());
    order.put("order_type", orderType);
    order.put("trade_side", side);
    order.put("quantity", quantity);
    order.put("price", price);
    boolean accepted = succeeds(0.93, order, Catalog.ORDER_FAILURES);
    emit("stock_PlaceOrder", order);
    if (!accepted) {
      return;
    }
    long later = now + MINUTE + random.nextLong(2 * HOUR);
    if (orderType.equals("market") || random.nextDouble() < 0.75) {
      Map<String, Object> done = backEnd();
      done.put("order_id", orderId);
      done.put("market", stock.market());
      done.put("stock_code", stock.code());
      done.put("trade_side", side);
      done.put("quantity", quantity);
      done.put("price", price);
      done.put("amount", money(price.doubleValue() * quantity));
      emit("stock_TradeDone", Math.min(later, periodEnd - 1), done);
    } else {
      Map<String, Object> cancelled = backEnd();
      cancelled.put("order_id", orderId);
      cancelled.put("stock_code", stock.code());
      emit("stock_CancelOrder", Math.min(later, periodEnd - 1), cancelled);
    }
  }

  private void readPosts() {
    view(Catalog.COMMUNITY);
    String post = "post-" + (1 + random.nextInt(500));
    Map<String, Object> liked = backEnd();
    liked.put("post_id", post);
    emit("stock_LikePost", liked);
    if (random.nextDouble() < 0.25) {
      Map<String, Object> comment = backEnd();
      comment.put("post_id", post);
      emit("stock_CommentPost", comment);
    }
    if (random.nextDouble() < 0.15) {
      Map<String, Object> shared = frontEnd();
      shared.put("post_id", post);
      shared.put("share_channel", shareChannel());
      emit("stock_SharePost", shared);
    }
  }

  private void copyPortfolio() {
    Master master = popular(Catalog.MASTERS);
    Map<String, Object> copy = backEnd();
    copy.put("amount", money(roundTo(100, 1_000 + random.nextExponential() * 10_000)));
    copy.put("master_id", master.id());
    copy.put("master_type", master.type());
    copy.put("portfolio_id", "pf-" + master.id());
    copy.put("result", random.nextDouble() < 0.9 ? "success" : "fail");
    emit("stock_CopyPortfolio", copy);
  }

  // ---- the Life points mall

  private void shop() {
    view(Catalog.LIFE_MALL);
    Goods goods = popular(Catalog.GOODS);
    view(Catalog.GOODS_DETAIL);
    Map<String, Object> viewed = frontEnd();
    viewed.put("goods_id", goods.id());
    viewed.put("goods_name", goods.name());
    viewed.put("goods_category", goods.category());
    viewed.put("goods_price", money(goods.price()));
    viewed.put("goods_points", goods.points());
    emit("Life_ViewGoods", viewed);
    if (random.nextDouble() < 0.15) {
      order(goods);
    }
  }

  private void order(Goods goods) {
    click(Catalog.GOODS_DETAIL, "btn_buy", "立即兑换");
    String orderId = "lo-" + user + "-" + orders++;
    long quantity = random.nextDouble() < 0.85 ? 1 : 2;
    BigDecimal total = money(goods.price() * quantity);
    Map<String, Object> submitted = backEnd();
    submitted.put("order_id", orderId);
    submitted.put("goods_id", goods.id());
    submitted.put("goods_name", goods.name());
    submitted.put("goods_category", goods.category());
    submitted.put("goods_brand", goods.brand());
    submitted.put("goods_price", money(goods.price()));
    submitted.put("quantity", quantity);
    submitted.put("order_amount", total);
    emit("Life_SubmitOrder", submitted);
    boolean withPoints = random.nextDouble() < 0.6;
    Map<String, Object> paid = backEnd();
    paid.put("order_id", orderId);
    paid.put("order_amount", total);
    paid.put("payment_method", withPoints ? "points" : pick(List.of("alipay", "wechat_pay")));
    if (withPoints) {
      paid.put("points_used", goods.points() * quantity);
    }
    boolean ok = succeeds(0.95, paid, List.of("积分不足", "支付超时"));
    emit("Life_PayOrder", paid);
    if (!ok) {
      return;
    }
    long shipped = now + 6 * HOUR + random.nextLong(24 * HOUR);
    long received = shipped + 2 * DAY + random.nextLong(3 * DAY);
    if (received < periodEnd) {
      Map<String, Object> ship = backEnd();
      ship.put("order_id", orderId);
      ship.put("logistics_company", pick(Catalog.LOGISTICS));
      emit("Life_ShipOrder", shipped, ship);
      Map<String, Object> receipt = backEnd();
      receipt.put("order_id", orderId);
      emit("Life_ReceiveOrder", received, receipt);
    }
  }

  // ---- the community

  private void socialise() {
    if (random.nextDouble() < 0.05) {
      view(Catalog.MESSAGES);
      Map<String, Object> message = backEnd();
      message.put("message_type", pick(List.of("text", "text", "text", "image", "voice")));
      message.put("receiver_type", pick(List.of("master", "ordinary", "official")));
      succeeds(0.97, message, List.of("对方已设置仅接收关注者私信"));
      emit("SendPrivateMessage", message);
    }
    if (random.nextDouble() < 0.04) {
      Map<String, Object> shared = frontEnd();
      shared.put("content_type", pick(List.of("article", "product", "post", "master")));
      shared.put("content_id", "content-" + random.nextInt(200));
      shared.put("share_channel", shareChannel());
      emit("Share", shared);
    }
    if (random.nextDouble() < 0.03) {
      follow("column", "column-" + (1 + random.nextInt(20)));
    }
  }

  private void follow(String type, String target) {
    Map<String, Object> followed = backEnd();
    followed.put("follow_type", type);
    followed.put("target_id", target);
    emit("Follow", followed);
  }

  private String shareChannel() {
    return pick(List.of("wechat_friend", "wechat_moments", "weibo", "qq", "copy_link"));
  }

  // ---- the SDK's view: pages, clicks, common properties

  private void view(Page page) {
    Map<String, Object> viewed = frontEnd();
    viewed.put("page_id", page.id());
    viewed.put("page_name", page.name());
    if (platform.isApp()) {
      viewed.put("$screen_name", page.screen());
      emit("$AppViewScreen", viewed);
    } else {
      viewed.put("$url", "https://m.sextant-demo.cn/" + page.id());
      viewed.put("$title", page.name());
      emit("$pageview", viewed);
    }
  }

  private void click(Page page, String buttonId, String buttonName) {
    Map<String, Object> clicked = frontEnd();
    clicked.put("page_id", page.id());
    clicked.put("button_id", buttonId);
    clicked.put("button_name", buttonName);
    emit(platform.isApp() ? "$AppClick" : "$WebClick", clicked);
  }

  /** What the app or web SDK adds to each of its events. */
  private Map<String, Object> frontEnd() {
    Map<String, Object> properties = new HashMap<>(16);
    properties.put("platform_type", platform.platformType);
    properties.put("$lib", platform.lib);
    properties.put("$os", platform.os);
    properties.put("$is_login_id", stage != Stage.VISITOR);
    if (platform.isApp()) {
      properties.put("$app_version", platform.appVersion);
      properties.put("$device_id", anonymousId);
    }
    return properties;
  }

  /** What the server-side SDK adds: the client's platform, passed on by the app's request. */
  private Map<String, Object> backEnd() {
    Map<String, Object> properties = new HashMap<>(16);
    properties.put("platform_type", platform.platformType);
    properties.put("$lib", "Java");
    return properties;
  }

  /** An event of the session: a few seconds after the previous one. */
  private void emit(String event, Map<String, Object> properties) {
    tick();
    emit(event, now, properties);
  }

  private void tick() {
    now += 2 * SECOND + random.nextLong(25 * SECOND);
  }

  private void emit(String event, long time, Map<String, Object> properties) {
    String distinctId = stage == Stage.VISITOR ? anonymousId : loginId;
    long sequence = counter++;
    long latency = properties.containsKey("$device_id") ? 1_000 + random.nextLong(15_000) : 50;
    // $SignUp is the client's login(): a track_signup linking the anonymous id to the login id,
    // which the store keeps as an ID link (the in-process demo load appends straight to it).
    String originalId = event.equals("$SignUp") ? anonymousId : null;
    events.add(
        new TrackedEvent(
            settings.project(),
            event,
            distinctId,
            Instant.ofEpochMilli(time),
            DemoIds.insertId(userKey, sequence),
            DemoIds.trackId(userKey, sequence),
            properties,
            Instant.ofEpochMilli(time + latency),
            originalId));
  }

  // ---- randomness

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** Skewed to the first items: a few masters, stocks and goods are much more popular. */
  private <T> T popular(List<T> choices) {
    double u = random.nextDouble();
    return choices.get((int) (u * u * choices.size()));
  }

  private static double roundTo(int step, double value) {
    return Math.round(value / step) * (double) step;
  }

  private static BigDecimal money(double yuan) {
    return BigDecimal.valueOf(Math.round(yuan * 100), 2);
  }

  private static BigDecimal rate(double percent) {
    return BigDecimal.valueOf(Math.round(percent * 100), 2);
  }
}
