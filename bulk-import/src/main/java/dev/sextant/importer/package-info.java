/**
 * The bulk import tool: historical Sensors-format JSON lines, sent through the collector so they
 * are validated, enriched and quarantined exactly as live traffic, in batches whose progress is
 * kept on disk for resume.
 */
package dev.sextant.importer;
