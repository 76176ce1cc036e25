package dev.sextant.store.spring;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The DuckDB event store of the embedded server ({@code sextant.duckdb.*}).
 *
 * @param path the database file; its directory is created if absent
 */
@ConfigurationProperties("sextant.duckdb")
public record DuckDbStoreProperties(@DefaultValue("./data/events.duckdb") Path path) {}
