/**
 * Architecture rules checked on the sources: toolkits only in infrastructure, no Jakarta EE, layers
 * pointing inwards, a package-info in every package.
 */
package org.teleris.ai.architecture;
