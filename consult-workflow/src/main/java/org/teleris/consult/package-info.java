/**
 * Stage II bounded context: full-study intake, worklist, structured reports, second read and delivery.
 * Its layers (interfaces, application, domain, infrastructure) arrive with the stage II issues.
 */
package org.teleris.consult;
