package dev.sextant.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserListCsvTest {

  @Test
  void writesAHeaderThenOneUserPerLineQuotingWhatRfc4180Quotes() throws IOException {
    StringWriter out = new StringWriter();
    UserListCsv csv = new UserListCsv(out);
    csv.write(List.of("u1", "张三,李四"));
    csv.write(List.of("say \"hi\"", "two\nlines"));
    assertThat(out)
        .hasToString("user_id\r\nu1\r\n\"张三,李四\"\r\n\"say \"\"hi\"\"\"\r\n\"two\nlines\"\r\n");
  }

  @Test
  void anEmptyListIsTheHeaderAlone() throws IOException {
    StringWriter out = new StringWriter();
    new UserListCsv(out).write(List.of());
    assertThat(out).hasToString("user_id\r\n");
  }

  @Test
  void writesNothingBeforeTheFirstBatch() {
    StringWriter out = new StringWriter();
    new UserListCsv(out);
    assertThat(out).hasToString("");
  }
}
