package dev.sextant.collector.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.collector.ingest.MalformedBodyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormFieldsTest {

  @ParameterizedTest(name = "{0} gives data=''{1}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "data=abc|abc",
        "data=a%2Bb%2F%3D|a+b/=",
        "data=a+b|a b",
        "data=%E7%A8%B3%E7%9B%88|稳盈",
        "data=稳盈|稳盈",
        "gzip=1&data=x&data=y|x",
        "data=|''",
        "data|''",
        "&&data=x&&|x",
        "data=a=b=c|a=b=c",
        // Unescaped non-ASCII text next to escapes, growing past one byte per char.
        "data=稳盈+%E5%A4%A9|稳盈 天",
        "data=%20稳盈稳盈稳盈😀|' 稳盈稳盈稳盈😀'",
        "data=é+ü%21|é ü!",
      })
  void decodesAField(String text, String data) {
    assertThat(FormFields.parse(text).get("data")).contains(data);
  }

  @Test
  void hasNoFieldsWhenEmptyOrNull() {
    assertThat(FormFields.parse("").get("data")).isEmpty();
    assertThat(FormFields.parse(null).get("data")).isEmpty();
    assertThat(FormFields.none().get("data")).isEmpty();
  }

  @Test
  void prefersItsOwnFieldsOverTheFallback() {
    FormFields merged =
        FormFields.parse("data=body").orElse(FormFields.parse("data=query&project=demo"));

    assertThat(merged.get("data")).contains("body");
    assertThat(merged.get("project")).contains("demo");
  }

  @ParameterizedTest
  @ValueSource(strings = {"data=%", "data=%4", "data=%zz", "data=%FF", "data=%C3%28", "%ZZ=1"})
  void refusesBadEscapesAndBytesThatAreNotUtf8(String text) {
    assertThatThrownBy(() -> FormFields.parse(text)).isInstanceOf(MalformedBodyException.class);
  }
}
