package dev.sextant.registry.plan;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Properties the Sensors SDKs send on their own ({@code $} names). Every project knows them and
 * every event may carry them; only the system defines {@code $} names, so a plan cannot declare
 * them.
 */
public final class PresetProperties {

  private static final Map<String, PresetProperty> BY_NAME =
      Stream.of(
              preset("$app_version", PropertyType.STRING, "应用版本", "App version"),
              preset("$app_name", PropertyType.STRING, "应用名称", "App name"),
              preset("$app_id", PropertyType.STRING, "应用唯一标识", "App ID"),
              preset("$lib", PropertyType.STRING, "SDK 类型", "SDK"),
              preset("$lib_version", PropertyType.STRING, "SDK 版本", "SDK version"),
              preset("$lib_method", PropertyType.STRING, "埋点方式", "Tracking method"),
              preset("$lib_detail", PropertyType.STRING, "埋点详情", "Tracking detail"),
              preset("$os", PropertyType.STRING, "操作系统", "Operating system"),
              preset("$os_version", PropertyType.STRING, "操作系统版本", "OS version"),
              preset("$manufacturer", PropertyType.STRING, "设备制造商", "Manufacturer"),
              preset("$model", PropertyType.STRING, "设备型号", "Device model"),
              preset("$brand", PropertyType.STRING, "设备品牌", "Device brand"),
              preset("$screen_width", PropertyType.NUMBER, "屏幕宽度", "Screen width"),
              preset("$screen_height", PropertyType.NUMBER, "屏幕高度", "Screen height"),
              preset("$viewport_width", PropertyType.NUMBER, "视区宽度", "Viewport width"),
              preset("$viewport_height", PropertyType.NUMBER, "视区高度", "Viewport height"),
              preset("$viewport_position", PropertyType.NUMBER, "视区距顶部的位置", "Viewport position"),
              preset("$network_type", PropertyType.STRING, "网络类型", "Network type"),
              preset("$wifi", PropertyType.BOOL, "是否 WiFi", "On WiFi"),
              preset("$carrier", PropertyType.STRING, "运营商名称", "Carrier"),
              preset("$device_id", PropertyType.STRING, "设备 ID", "Device ID"),
              preset("$anonymization_id", PropertyType.STRING, "匿名化设备 ID", "Anonymized device ID"),
              preset("$is_first_day", PropertyType.BOOL, "是否首日访问", "First day"),
              preset("$is_first_time", PropertyType.BOOL, "是否首次触发事件", "First time"),
              preset("$is_login_id", PropertyType.BOOL, "是否登录 ID", "Login ID"),
              preset("$timezone_offset", PropertyType.NUMBER, "时区偏移量", "Time zone offset"),
              preset("$ip", PropertyType.STRING, "IP 地址", "IP address"),
              preset("$country", PropertyType.STRING, "国家", "Country"),
              preset("$province", PropertyType.STRING, "省份", "Province"),
              preset("$city", PropertyType.STRING, "城市", "City"),
              preset("$latitude", PropertyType.NUMBER, "纬度", "Latitude"),
              preset("$longitude", PropertyType.NUMBER, "经度", "Longitude"),
              preset("$user_agent", PropertyType.STRING, "用户代理", "User agent"),
              preset("$browser", PropertyType.STRING, "浏览器", "Browser"),
              preset("$browser_version", PropertyType.STRING, "浏览器版本", "Browser version"),
              preset("$url", PropertyType.STRING, "页面地址", "Page URL"),
              preset("$url_path", PropertyType.STRING, "页面路径", "Page path"),
              preset("$url_query", PropertyType.STRING, "页面参数", "Page query"),
              preset("$title", PropertyType.STRING, "页面标题", "Page title"),
              preset("$referrer", PropertyType.STRING, "前向地址", "Referrer"),
              preset("$referrer_host", PropertyType.STRING, "前向域名", "Referrer host"),
              preset("$latest_referrer", PropertyType.STRING, "最近一次站外地址", "Latest referrer"),
              preset(
                  "$latest_referrer_host", PropertyType.STRING, "最近一次站外域名", "Latest referrer host"),
              preset(
                  "$latest_traffic_source_type",
                  PropertyType.STRING,
                  "最近一次流量来源类型",
                  "Latest traffic source type"),
              preset(
                  "$latest_search_keyword",
                  PropertyType.STRING,
                  "最近一次搜索引擎关键词",
                  "Latest search keyword"),
              preset("$latest_landing_page", PropertyType.STRING, "最近一次落地页", "Latest landing page"),
              preset("$latest_utm_source", PropertyType.STRING, "最近一次广告系列来源", "Latest UTM source"),
              preset("$latest_utm_medium", PropertyType.STRING, "最近一次广告系列媒介", "Latest UTM medium"),
              preset(
                  "$latest_utm_campaign", PropertyType.STRING, "最近一次广告系列名称", "Latest UTM campaign"),
              preset(
                  "$latest_utm_content", PropertyType.STRING, "最近一次广告系列内容", "Latest UTM content"),
              preset("$latest_utm_term", PropertyType.STRING, "最近一次广告系列字词", "Latest UTM term"),
              preset("$utm_source", PropertyType.STRING, "广告系列来源", "UTM source"),
              preset("$utm_medium", PropertyType.STRING, "广告系列媒介", "UTM medium"),
              preset("$utm_campaign", PropertyType.STRING, "广告系列名称", "UTM campaign"),
              preset("$utm_content", PropertyType.STRING, "广告系列内容", "UTM content"),
              preset("$utm_term", PropertyType.STRING, "广告系列字词", "UTM term"),
              preset("$screen_name", PropertyType.STRING, "页面名称", "Screen name"),
              preset("$element_id", PropertyType.STRING, "元素 ID", "Element ID"),
              preset("$element_type", PropertyType.STRING, "元素类型", "Element type"),
              preset("$element_content", PropertyType.STRING, "元素内容", "Element content"),
              preset("$element_name", PropertyType.STRING, "元素名字", "Element name"),
              preset("$element_class_name", PropertyType.STRING, "元素样式名", "Element class"),
              preset("$element_position", PropertyType.STRING, "元素位置", "Element position"),
              preset("$element_selector", PropertyType.STRING, "元素选择器", "Element selector"),
              preset("$element_path", PropertyType.STRING, "元素路径", "Element path"),
              preset("$element_target_url", PropertyType.STRING, "元素链接地址", "Element link"),
              preset("$page_x", PropertyType.NUMBER, "点击横坐标", "Click X"),
              preset("$page_y", PropertyType.NUMBER, "点击纵坐标", "Click Y"),
              preset("$event_duration", PropertyType.NUMBER, "事件时长", "Event duration"),
              preset(
                  "$resume_from_background",
                  PropertyType.BOOL,
                  "是否从后台唤醒",
                  "Resumed from background"),
              preset("$app_crashed_reason", PropertyType.STRING, "崩溃原因", "Crash reason"),
              preset("$scene", PropertyType.STRING, "启动场景", "Launch scene"),
              preset("$share_depth", PropertyType.NUMBER, "分享次数", "Share depth"),
              preset("$share_distinct_id", PropertyType.STRING, "分享者 ID", "Sharer ID"),
              preset("$share_url_path", PropertyType.STRING, "分享时的页面路径", "Shared page path"))
          .collect(
              Collectors.toMap(
                  PresetProperty::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));

  private PresetProperties() {}

  public static Optional<PropertyType> typeOf(String name) {
    return find(name).map(PresetProperty::type);
  }

  public static Optional<PresetProperty> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name));
  }

  public static boolean contains(String name) {
    return name != null && BY_NAME.containsKey(name);
  }

  /** All of them, in a stable order. */
  public static Collection<PresetProperty> all() {
    return BY_NAME.values();
  }

  private static PresetProperty preset(
      String name, PropertyType type, String displayName, String displayNameEn) {
    return new PresetProperty(name, type, displayName, displayNameEn);
  }
}
