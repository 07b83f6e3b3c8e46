/**
 * The match model: Dixon-Coles goals, corner totals, team ratings and value against bookmaker
 * prices. Pure, synchronous Java with no dependency outside {@code java.*}, so it can be tested
 * with plain JUnit and called from any thread. Every type is immutable.
 */
package io.analytips.football.analysis;
