/**
 * Mains used by scripts/bench/anonymizer-vs-gdcmanon.sh: the warm in-process throughput run (the CT generator
 * lives in testdata). Not run by the test suite.
 */
package org.teleris.anonymizer.bench;
