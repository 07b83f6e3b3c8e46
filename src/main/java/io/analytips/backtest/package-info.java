/**
 * The walk-forward backtest ({@code java -jar analytips.jar backtest --league E0 --from 2019 --to 2024}):
 * replays the bundled seasons, predicts every match from the matches before it only, and scores the
 * model against the bookmakers' closing line, league frequencies and the uniform forecast; with
 * {@code --market corners}, the bot's total-corner lines against the league's over frequency. Plain Java
 * with no Spring context; it reads the historical data ({@code football.sim.data}) and the model
 * ({@code football.analysis}) and writes predictions as CSV and reliability diagrams as PNG.
 */
package io.analytips.backtest;
