/**
 * Identity of the people who use the product: organisations (tenants), user accounts and roles,
 * with the rules that tie roles to kinds of organisation.
 */
package org.teleris.ris.domain.identity;
