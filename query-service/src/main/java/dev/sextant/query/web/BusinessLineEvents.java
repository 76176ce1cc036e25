package dev.sextant.query.web;

import java.util.List;
import java.util.Optional;

/** The events of a business line, by its name, from the project's tracking plan. */
@FunctionalInterface
public interface BusinessLineEvents {

  /** No business line is known (a request read without its plan). */
  BusinessLineEvents NONE = line -> Optional.empty();

  /** The line's events, in name order; empty when the plan has no such line. */
  Optional<List<String>> eventsOf(String businessLine);
}
