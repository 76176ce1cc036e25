/**
 * The validated requests and results of the analyses, as records and sealed interfaces. Each record
 * refuses an invalid request in its constructor with an {@link
 * dev.sextant.query.model.InvalidQueryException} naming the field. Semantics: {@code
 * docs/analyses.md}.
 */
package dev.sextant.query.model;
