/**
 * Real historical matches bundled with the API-Football simulator: the Premier League 2022/23–2024/25
 * (football-data.co.uk) and the Brasileirão Série A 2021–2023 (football-data.co.uk joined with
 * adaoduque/Brasileirao_Dataset for rounds and per-club statistics). Plain Java; see
 * {@code football-data/SOURCES.md} in the resources for provenance and terms.
 */
package io.analytips.football.sim.data;
