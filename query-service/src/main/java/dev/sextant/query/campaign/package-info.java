/**
 * Campaigns on segment snapshots, pure: which members are held out ({@link
 * dev.sextant.query.campaign.Holdout}) and how a targeted group's conversion compares with the
 * holdout's ({@link dev.sextant.query.campaign.ProportionComparison}). Storage and HTTP live in
 * {@code dev.sextant.query.segments}.
 */
package dev.sextant.query.campaign;
