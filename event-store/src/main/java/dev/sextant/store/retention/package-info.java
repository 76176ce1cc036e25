/** Retention: how long each project's events are kept, and the job that drops older months. */
package dev.sextant.store.retention;
