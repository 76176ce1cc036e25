package dev.sextant.demo.simulation;

/** The client a user runs: the app on iOS or Android, or the mobile web site. */
enum Platform {
  IOS("iOS", "iOS", "iOS", "3.6.2"),
  ANDROID("Android", "Android", "Android", "3.6.2"),
  WEB("H5", "js", "Android", null);

  final String platformType;
  final String lib;
  final String os;
  final String appVersion;

  Platform(String platformType, String lib, String os, String appVersion) {
    this.platformType = platformType;
    this.lib = lib;
    this.os = os;
    this.appVersion = appVersion;
  }

  /** The app has launches, exits and a splash screen; the web site has none of them. */
  boolean isApp() {
    return appVersion != null;
  }
}
