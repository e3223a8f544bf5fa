package io.pursight.governance.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Passwords must not survive in anything the connector shows or logs. */
class RedactionTest {

  @Test
  void masksPasswordParametersOfEveryStyle() {
    assertThat(Redaction.url("jdbc:mariadb://h:3306/db?user=root&password=s3cret&sslMode=disable"))
        .isEqualTo("jdbc:mariadb://h:3306/db?user=root&password=****&sslMode=disable");
    assertThat(Redaction.url("jdbc:postgresql://h/db?password=s3cret"))
        .isEqualTo("jdbc:postgresql://h/db?password=****");
    assertThat(Redaction.url("jdbc:h2:mem:x;USER=sa;PASSWORD=s3cret;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:mem:x;USER=sa;PASSWORD=****;MODE=PostgreSQL");
    assertThat(Redaction.url("jdbc:postgresql://h/db?sslpassword=a&keyStorePassword=b&pwd=c"))
        .isEqualTo("jdbc:postgresql://h/db?sslpassword=****&keyStorePassword=****&pwd=****");
    assertThat(Redaction.url("jdbc:sqlserver://h;databaseName=x;password=s3cret"))
        .isEqualTo("jdbc:sqlserver://h;databaseName=x;password=****");
  }

  @Test
  void masksUserInfoButKeepsTheUser() {
    assertThat(Redaction.url("jdbc:postgresql://alice:s3cret@h:5432/db"))
        .isEqualTo("jdbc:postgresql://alice:****@h:5432/db");
    assertThat(Redaction.url("jdbc:oracle:thin:scott/tiger@//h:1521/svc"))
        .isEqualTo("jdbc:oracle:thin:scott/****@//h:1521/svc");
  }

  @Test
  void leavesUrlsWithoutSecretsAlone() {
    String url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&ApplicationName=x";
    assertThat(Redaction.url(url)).isEqualTo(url);
  }

  @Test
  void masksTheLiteralPasswordInDriverMessages() {
    assertThat(Redaction.message("login failed for secret-pw at jdbc:x://h?password=secret-pw", "secret-pw"))
        .isEqualTo("login failed for **** at jdbc:x://h?password=****");
  }
}
