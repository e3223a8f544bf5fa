package io.pursight.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.scan.ScanResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmbeddedScanTest {
  @Test
  void theReadmeExampleScansClassifiesAndSearches() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ScanResult result = EmbeddedScan.run(EmbeddedScan.sampleDatabase(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(result.isClean()).as(result.errors().toString()).isTrue();
    assertThat(out).contains("MEMBERS.EMAIL -> EMAIL_ADDRESS");
    assertThat(out).contains("search: app/SAMPLE/PUBLIC/MEMBERS/EMAIL");
  }
}
