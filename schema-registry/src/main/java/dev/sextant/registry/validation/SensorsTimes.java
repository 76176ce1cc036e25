package dev.sextant.registry.validation;

/**
 * Recognises the date and time forms the Sensors SDKs send, without a formatter: {@code yyyy-MM-dd}
 * and {@code yyyy-MM-dd HH:mm:ss[.SSS]}. Hand-written because the validator calls it for every such
 * value and {@code DateTimeFormatter} allocates on every parse. Strict: February 30 is no date.
 */
final class SensorsTimes {

  private static final int DATE_LENGTH = 10;
  private static final int DATETIME_LENGTH = 19;
  private static final int DATETIME_MILLIS_LENGTH = 23;

  private SensorsTimes() {}

  /** {@code yyyy-MM-dd}. */
  static boolean isDate(String text) {
    return text.length() == DATE_LENGTH && isDateAt(text);
  }

  /** {@code yyyy-MM-dd HH:mm:ss} or {@code yyyy-MM-dd HH:mm:ss.SSS}. */
  static boolean isDateTime(String text) {
    int length = text.length();
    if (length != DATETIME_LENGTH && length != DATETIME_MILLIS_LENGTH) {
      return false;
    }
    if (!isDateAt(text) || text.charAt(10) != ' ') {
      return false;
    }
    int hour = twoDigits(text, 11);
    int minute = twoDigits(text, 14);
    int second = twoDigits(text, 17);
    if (hour < 0 || hour > 23 || text.charAt(13) != ':' || minute < 0 || minute > 59) {
      return false;
    }
    if (text.charAt(16) != ':' || second < 0 || second > 59) {
      return false;
    }
    return length == DATETIME_LENGTH
        || (text.charAt(19) == '.'
            && isDigit(text.charAt(20))
            && isDigit(text.charAt(21))
            && isDigit(text.charAt(22)));
  }

  private static boolean isDateAt(String text) {
    int century = twoDigits(text, 0);
    int yearOfCentury = twoDigits(text, 2);
    int month = twoDigits(text, 5);
    int day = twoDigits(text, 8);
    if (century < 0 || yearOfCentury < 0 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return false;
    }
    return month >= 1
        && month <= 12
        && day >= 1
        && day <= daysIn(month, century * 100 + yearOfCentury);
  }

  private static int daysIn(int month, int year) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static boolean isLeap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }

  /** The two-digit number at the index, or -1 if either character is not a digit. */
  private static int twoDigits(String text, int index) {
    char tens = text.charAt(index);
    char ones = text.charAt(index + 1);
    if (!isDigit(tens) || !isDigit(ones)) {
      return -1;
    }
    return (tens - '0') * 10 + (ones - '0');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
