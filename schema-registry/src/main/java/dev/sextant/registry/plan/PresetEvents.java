package dev.sextant.registry.plan;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Events the Sensors SDKs send on their own ({@code $} names, full-auto tracking). Every project
 * knows them; a plan may list one to give it custom properties, a business line or required
 * properties, but cannot invent other {@code $} events.
 */
public final class PresetEvents {

  private static final Map<String, PresetEvent> BY_NAME =
      Stream.of(
              new PresetEvent("$AppStart", "App 启动", "App start"),
              new PresetEvent("$AppEnd", "App 退出", "App end"),
              new PresetEvent("$AppViewScreen", "App 浏览页面", "App view screen"),
              new PresetEvent("$AppClick", "App 元素点击", "App click"),
              new PresetEvent("$AppPageLeave", "App 页面离开", "App page leave"),
              new PresetEvent("$AppInstall", "App 激活", "App install"),
              new PresetEvent("$AppStartPassively", "App 被动启动", "App start passively"),
              new PresetEvent("$AppCrashed", "App 崩溃", "App crashed"),
              new PresetEvent("$pageview", "Web 浏览页面", "Web page view"),
              new PresetEvent("$WebClick", "Web 元素点击", "Web click"),
              new PresetEvent("$WebStay", "Web 视区停留", "Web stay"),
              new PresetEvent("$WebPageLeave", "Web 页面离开", "Web page leave"),
              new PresetEvent("$SignUp", "用户注册", "Sign up"),
              new PresetEvent("$BindID", "绑定 ID", "Bind ID"),
              new PresetEvent("$MPLaunch", "小程序启动", "Mini program launch"),
              new PresetEvent("$MPShow", "小程序显示", "Mini program show"),
              new PresetEvent("$MPHide", "小程序进入后台", "Mini program hide"),
              new PresetEvent("$MPViewScreen", "小程序浏览页面", "Mini program view screen"),
              new PresetEvent("$MPClick", "小程序元素点击", "Mini program click"),
              new PresetEvent("$MPShare", "小程序分享", "Mini program share"))
          .collect(
              Collectors.toMap(
                  PresetEvent::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));

  private PresetEvents() {}

  public static Optional<PresetEvent> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name));
  }

  public static boolean contains(String name) {
    return name != null && BY_NAME.containsKey(name);
  }

  /** All of them, in a stable order. */
  public static Collection<PresetEvent> all() {
    return BY_NAME.values();
  }
}
