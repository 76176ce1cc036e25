package dev.sextant.registry.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The registry's HTTP API and its OpenAPI document: included by the processes that serve it. */
@Configuration(proxyBeanMethods = false)
@Import({
  TrackingPlanController.class,
  PlanHistoryController.class,
  SampleEventController.class,
  ApiKeyController.class,
  RegistryProblems.class,
  OpenApiDocument.class
})
public class RegistryWebConfiguration {}
