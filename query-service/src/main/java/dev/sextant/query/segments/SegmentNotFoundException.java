package dev.sextant.query.segments;

/** A segment, snapshot or campaign the request names does not exist in the project. */
public final class SegmentNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SegmentNotFoundException(String what, String id) {
    super(what + " '" + id + "' does not exist");
  }
}
