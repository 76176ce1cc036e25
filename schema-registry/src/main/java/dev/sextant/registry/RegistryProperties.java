package dev.sextant.registry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the schema registry ({@code sextant.registry.*}).
 *
 * @param planCacheTtl how long a process serves a plan from memory before reading it again; other
 *     processes see a change after at most this long
 */
@ConfigurationProperties("sextant.registry")
public record RegistryProperties(@DefaultValue("5s") Duration planCacheTtl) {}
