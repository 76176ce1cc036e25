package dev.sextant.collector.pii;

/**
 * Masks a personal value for display, keeping as many characters at each end as people need to
 * recognise it and no more: a phone number {@code 13812345678} becomes {@code 138****5678}, an ID
 * card number keeps its region and last four, a name keeps its family name ({@code 张三丰} → {@code
 * 张**}). Counted in code points, so Chinese text is masked by character. The length stays, so a
 * masked value still shows how long the original was.
 */
public final class Masking {

  private static final int MASK = '*';

  private Masking() {}

  public static String mask(String value) {
    int length = value.codePointCount(0, value.length());
    int head;
    int tail;
    if (length >= 11) {
      head = 3;
      tail = 4;
    } else if (length >= 7) {
      head = 2;
      tail = 2;
    } else if (length >= 2) {
      head = 1;
      tail = 0;
    } else {
      head = 0;
      tail = 0;
    }
    StringBuilder masked = new StringBuilder(value.length());
    int[] codePoints = value.codePoints().toArray();
    for (int i = 0; i < codePoints.length; i++) {
      masked.appendCodePoint(i < head || i >= length - tail ? codePoints[i] : MASK);
    }
    return masked.toString();
  }
}
