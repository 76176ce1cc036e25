package dev.sextant.collector.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "13812345678          | 138****5678",
        "110101199003071234   | 110***********1234",
        "6222021234567890123  | 622************0123",
        "zhang.san@example.cn | zha*************e.cn",
        "1234567              | 12***67",
        "abcdefghij           | ab******ij",
        "张三丰                | 张**",
        "欧阳娜娜              | 欧***",
        "张三                  | 张*",
        "王                    | *",
        "abcdef               | a*****",
      })
  void keepsOnlyWhatPeopleNeedToRecogniseAValue(String value, String masked) {
    assertThat(Masking.mask(value)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource({"13812345678", "张三丰", "𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉𠀊"})
  void keepsTheLengthInCharacters(String value) {
    String masked = Masking.mask(value);

    assertThat(masked.codePointCount(0, masked.length()))
        .isEqualTo(value.codePointCount(0, value.length()));
  }

  @ParameterizedTest
  @CsvSource({"''"})
  void masksNothingOfAnEmptyValue(String value) {
    assertThat(Masking.mask(value)).isEmpty();
  }
}
