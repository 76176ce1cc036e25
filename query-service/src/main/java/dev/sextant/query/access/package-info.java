/**
 * Confining analyses to the events an analyst may see (their business lines and the shared
 * platform's). Pure: a plan and a request in, a confined request (or a refusal) out.
 */
package dev.sextant.query.access;
