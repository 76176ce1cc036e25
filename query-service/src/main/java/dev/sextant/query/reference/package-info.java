/**
 * The reference implementation ("oracle") of every analysis over events in memory: slow, obvious,
 * and the definition the SQL engines are checked against. It follows {@code docs/analyses.md} line
 * by line; when they disagree, one of them has a bug.
 */
package dev.sextant.query.reference;
