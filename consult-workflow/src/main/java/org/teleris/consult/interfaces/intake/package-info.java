/**
 * REST resources of the intake: a case's upload session (progress, rejections) and completing it,
 * with the mapping of intake refusals to JSON errors.
 */
package org.teleris.consult.interfaces.intake;
