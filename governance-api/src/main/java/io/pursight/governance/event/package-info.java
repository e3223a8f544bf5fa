/** Events published to event sinks: schema drift, classification changes, finished scans. */
package io.pursight.governance.event;
