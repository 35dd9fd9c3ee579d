/**
 * REST resources, the live-channel WebSocket endpoint and their JSON records.
 * Everything a browser talks to in stage I.
 */
package org.teleris.triage.interfaces;
