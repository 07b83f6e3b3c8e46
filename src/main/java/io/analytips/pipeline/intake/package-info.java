/**
 * Admission: turns stored updates into contexts to dispatch, recording each sender, applying the per-user rate
 * limits and answering what is refused, then holds them in the bounded buffer that sheds what waited too long.
 */
package io.analytips.pipeline.intake;
