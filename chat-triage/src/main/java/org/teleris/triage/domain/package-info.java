/**
 * Stage I model: the triage case aggregate, its states, the channel's persisted events and who may
 * see them. Plain rules; persistence sits behind the repository interfaces.
 */
package org.teleris.triage.domain;
