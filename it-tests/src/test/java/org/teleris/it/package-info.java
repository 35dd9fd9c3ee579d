/**
 * End-to-end tests of the deployed product: Arquillian starts the real WAR on Payara Micro, and
 * the tests talk to it as clients do (HTTP, WebSocket, Chromium), and as intruders do (raw SQL).
 */
package org.teleris.it;
