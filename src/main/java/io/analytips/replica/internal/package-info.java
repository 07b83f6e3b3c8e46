/**
 * How the replicas work: the lead by a row of {@code leader_lease} ({@link LeaseRowLeadership}), the
 * {@code replicas} table ({@link ReplicaRepository}), and the Spring configuration that builds them, {@code Replicas}
 * and the leader's share of the store's upkeep. Only Spring wires it; outside {@code io.analytips.replica}, the
 * settings check before the start alone names a class of it ({@link LeadProperties}).
 */
package io.analytips.replica.internal;
