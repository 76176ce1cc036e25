package dev.sextant.collector.ingest;

import dev.sextant.registry.validation.DraftRegistration;
import java.util.List;

/**
 * Adds to a permissive project's plan what its accepted records brought that the plan lacked (new
 * events, new properties with their inferred types), as drafts. Called before the records are
 * published, so the plan knows a property before the first record with it is stored; durable on
 * return, and a failure fails the request (the sender retries) rather than storing records the plan
 * does not describe.
 */
public interface DraftRegistrar {

  /** Registers nothing: for wirings without a writable plan store. */
  DraftRegistrar NONE = (project, drafts) -> {};

  void register(String project, List<DraftRegistration> drafts);
}
