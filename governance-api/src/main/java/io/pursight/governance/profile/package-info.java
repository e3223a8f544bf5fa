/** Column profiles (mergeable through DataSketches serializations) and quality scores. */
package io.pursight.governance.profile;
