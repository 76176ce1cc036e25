package dev.sextant.registry.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The registry's HTTP API: included by the processes that serve it. */
@Configuration(proxyBeanMethods = false)
@Import({TrackingPlanController.class, RegistryProblems.class})
public class RegistryWebConfiguration {}
