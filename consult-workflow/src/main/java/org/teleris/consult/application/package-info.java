/**
 * Stage II use cases, one service per job, with their transaction boundaries, and the ports this
 * context needs from its host (who is calling, organisation secrets, AE titles).
 */
package org.teleris.consult.application;
