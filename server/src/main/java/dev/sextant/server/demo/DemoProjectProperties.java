package dev.sextant.server.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo project the embedded server offers on first start ({@code sextant.demo.*}).
 *
 * @param enabled whether to create the demo project when it does not exist yet
 * @param project its name
 */
@ConfigurationProperties("sextant.demo")
public record DemoProjectProperties(
    @DefaultValue("true") boolean enabled, @DefaultValue("demo") String project) {}
