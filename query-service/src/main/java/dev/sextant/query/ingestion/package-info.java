/**
 * What a project is receiving now: records per minute by their reception time, accepted and
 * quarantined, and the latest reception (data freshness). {@link
 * dev.sextant.query.ingestion.IngestionStatements} and {@link
 * dev.sextant.query.ingestion.IngestionReport#of} are pure; {@link
 * dev.sextant.query.ingestion.IngestionController} runs the statements on the event store.
 */
package dev.sextant.query.ingestion;
