/**
 * REST for the AI of stage II: the registered models (with their cards) and on-demand runs on a
 * study with a selected model.
 */
package org.teleris.consult.interfaces.ai;
