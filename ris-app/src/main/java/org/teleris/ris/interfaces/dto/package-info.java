/**
 * Immutable request and response records of the REST API and their assemblers.
 * They carry no entities out of the application.
 */
package org.teleris.ris.interfaces.dto;
