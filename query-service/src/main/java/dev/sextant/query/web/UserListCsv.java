package dev.sextant.query.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A list of user ids as RFC 4180 CSV (Apache Commons CSV): a {@code user_id} header, then one id
 * per line, written batch by batch as the ids arrive. The header is written with the first batch,
 * so nothing reaches the writer before the first batch is read.
 */
final class UserListCsv {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader("user_id").get();

  private final Writer out;
  private CSVPrinter printer;

  UserListCsv(Writer out) {
    this.out = out;
  }

  /** Writes one batch (the header first, at the first) and flushes it to the client. */
  void write(List<String> users) throws IOException {
    if (printer == null) {
      printer = new CSVPrinter(out, FORMAT);
    }
    for (String user : users) {
      printer.printRecord(user);
    }
    printer.flush();
  }
}
