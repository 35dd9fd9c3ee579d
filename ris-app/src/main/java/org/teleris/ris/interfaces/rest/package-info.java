/**
 * JAX-RS resources, the access-control filter and the exception mappers that turn every failure
 * into a JSON error with a readable message.
 */
package org.teleris.ris.interfaces.rest;
