/**
 * Small reactive building blocks shared by the transport and the pipeline: keyed serial lanes,
 * once-per-period gates and clock adapters. Depends on nothing else of ours.
 */
package io.analytips.common;
