package io.pursight.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** Bad input through the command line: a clear message and an exit code, never a stack trace. */
class ScanCommandErrorsTest {
  @TempDir Path dir;

  @Test
  void unreachableServerExitsThreeWithAClearMessage() {
    CliRunner r = CliRunner.run("scan", "--url", "jdbc:postgresql://127.0.0.1:1/test?password=hunter2", "--in-memory");
    assertThat(r.code).as(r.toString()).isEqualTo(Main.FAILED);
    assertThat(r.out).contains("CONNECT").contains("Cannot reach").doesNotContain("hunter2");
    assertThat(r.out + r.err).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void unknownDriverExitsThreeAndNamesTheMissingJar() {
    CliRunner r = CliRunner.run("scan", "--url", "jdbc:nosuchdb://host/db", "--in-memory");
    assertThat(r.code).as(r.toString()).isEqualTo(Main.FAILED);
    assertThat(r.out).contains("No JDBC driver");
  }

  @Test
  void notAJdbcUrlIsAUsageError() {
    CliRunner r = CliRunner.run("scan", "--url", "postgres://host/db", "--in-memory");
    assertThat(r.code).as(r.toString()).isEqualTo(Main.USAGE);
    assertThat(r.err).contains("No connector understands");
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(CliRunner.run("scan").code).isEqualTo(Main.USAGE);
    CliRunner r = CliRunner.run("scan", "--url", "jdbc:h2:mem:x", "--format", "xml", "--in-memory");
    assertThat(r.code).isEqualTo(Main.USAGE);
    assertThat(r.err).contains("--format must be table or json");
    r = CliRunner.run("scan", "--url", "jdbc:h2:mem:x", "--password", "a", "--password-env", "B", "--in-memory");
    assertThat(r.err).contains("at most one of --password");
  }

  @Test
  void aCorruptStoreDirectoryIsReportedNotThrown() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("catalog.mv.db"), "not an H2 file");
    CliRunner r = CliRunner.run("scan", "--url", "jdbc:h2:mem:y", "--store-dir", dir.toString());
    assertThat(r.code).as(r.toString()).isEqualTo(Main.USAGE);
    assertThat(r.err).contains("Cannot open the catalog store");
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "PURSIGHT_IT_MARIADB_URL", matches = ".+",
      disabledReason = "PURSIGHT_IT_MARIADB_URL not set; skipping MariaDB tests (.ci/run sets it)")
  void wrongPasswordExitsThreeWithoutEchoingIt() {
    CliRunner r = CliRunner.run("scan", "--url", "jdbc:mariadb://127.0.0.1:3306/test?sslMode=disable",
        "--user", "root", "--password", "wrong-pw-123", "--in-memory");
    assertThat(r.code).as(r.toString()).isEqualTo(Main.FAILED);
    assertThat(r.out).contains("CONNECT").containsIgnoringCase("password").doesNotContain("wrong-pw-123");
  }
}
