/**
 * The replicas of the bot on one PostgreSQL, as the rest of the code sees them: {@link Leadership}, which replica
 * polls Telegram, answers and runs the background work ({@link Leadership#whileLeading}); {@link Lease}, the term
 * of a lead; {@link SharedLead}, the one campaign for the lead that every hosted bot joins; and {@link Replicas},
 * this replica's heartbeat row in {@code replicas} and the live replicas that health, metrics and {@code /status}
 * show.
 * <p>
 * The contract: one replica leads at a time, and a lone process leads at once ({@link Leadership#SOLE}). A
 * message goes only while the lease of the term it was written under is valid: a lapsed lease holds it back
 * ({@link LeaseLapsedException} at the wire), and a term that ended drops it for good ({@link LeaseEndedException});
 * the replica that leads next replays its update.
 * <p>
 * How it is done (the {@code leader_lease} row, the {@code replicas} table, the Spring configuration) is
 * {@code replica.internal}'s, which no other package uses. Depends on the store and common only.
 */
package io.analytips.replica;
